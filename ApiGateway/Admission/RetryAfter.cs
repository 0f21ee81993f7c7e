using System.Globalization;

namespace Shop.ApiGateway.Admission;

/// <summary>The Retry-After header of the gateway's 503 answers.</summary>
public static class RetryAfter
{
    /// <summary>Sets Retry-After to <paramref name="seconds"/> unless the answer has one already.</summary>
    public static void Set(HttpResponse response, int seconds)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.RetryAfter))
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
