using Elastic.Transport.Products.Elasticsearch;
using Shop.Common;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>
/// Tells an outage of Elasticsearch (no answer, a timeout, 408, 429 or 5xx once the retries ran out) from a refusal
/// that retrying cannot cure (bad credentials, a rejected request). An outage becomes the shop's "dependency down"
/// refusal, which every client sees as a retryable 503; anything else is an <see cref="ElasticsearchException"/>
/// that says what went wrong.
/// </summary>
internal static class ElasticsearchFailures
{
    /// <summary>The error code a client sees while search is down.</summary>
    public const string UnavailableCode = "search.unavailable";

    /// <summary>True when <paramref name="response"/> shows the cluster unreachable, overloaded or failing.</summary>
    public static bool IsOutage(ElasticsearchResponse response) =>
        response.ApiCallDetails.HttpStatusCode is null or 408 or 429 or >= 500;

    /// <summary>The exception to throw for the failed <paramref name="operation"/>.</summary>
    public static Exception For(ElasticsearchResponse response, string operation)
    {
        var status = response.ApiCallDetails.HttpStatusCode;
        if (IsOutage(response))
        {
            return ShopException.Unavailable(UnavailableCode, "Product search is temporarily unavailable; retry shortly.");
        }

        if (status is 401 or 403)
        {
            return new ElasticsearchException(
                $"Elasticsearch refused the credentials on {operation} ({status} {ErrorType(response)}): check {ElasticsearchOptions.Section}:ApiKey, " +
                $"or Username and Password, and the privileges they have on the index.");
        }

        return new ElasticsearchException($"Elasticsearch {operation} failed with {status}: {ErrorType(response)}: {Reason(response)}");
    }

    /// <summary>The <c>error.type</c> Elasticsearch answered with, if any.</summary>
    public static string? ErrorType(ElasticsearchResponse response) => response.ElasticsearchServerError?.Error?.Type;

    private static string Reason(ElasticsearchResponse response)
    {
        var reason = response.ElasticsearchServerError?.Error?.Reason ?? response.ApiCallDetails.OriginalException?.Message ?? "";
        return reason.Length > 500 ? reason[..500] + "..." : reason;
    }
}
