using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>
/// Sends requests to Elasticsearch with authentication and retries transient failures (connection errors, 429 and
/// 502/503/504) with exponential back-off. Every request the index sends is idempotent (external versions, deletes
/// by id, searches), so a retry after a lost answer is safe.
/// </summary>
internal sealed class ElasticsearchTransport(HttpClient http, ElasticsearchOptions options)
{
    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    /// <summary>Sends a request and returns the status and body; throws when retries run out.</summary>
    public async Task<(HttpStatusCode Status, string Body)> Send(
        HttpMethod method, string path, string? body, string contentType, CancellationToken cancellationToken)
    {
        var delay = options.RetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = Request(method, path, body, contentType);
                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!Transient.Contains(response.StatusCode) || attempt >= options.MaxRetries)
                {
                    return (response.StatusCode, text);
                }
            }
            catch (HttpRequestException) when (attempt < options.MaxRetries)
            {
                // A refused or dropped connection: the node may be restarting.
            }

            await Task.Delay(delay, cancellationToken);
            delay *= 2;
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? body, string contentType)
    {
        var request = new HttpRequestMessage(method, new Uri(new Uri(options.Url.TrimEnd('/') + "/"), path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        return request;
    }
}
