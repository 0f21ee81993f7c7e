using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Shop.Integrations.SendGrid;

/// <summary>
/// The HttpClient the SendGrid sender uses: exponential retries of timeouts, connection failures, 429 (honouring
/// Retry-After) and 5xx, a circuit breaker so an outage fails fast, and a per-attempt timeout. A 4xx is not retried.
/// </summary>
public static class SendGridHttp
{
    /// <summary>The name of the HttpClient (and its resilience pipeline).</summary>
    public const string ClientName = "sendgrid";

    /// <summary>Registers the named HttpClient with its resilience pipeline.</summary>
    public static IHttpClientBuilder AddSendGridHttpClient(this IServiceCollection services)
    {
        var builder = services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(ClientName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value;
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = options.MaxRetries, Delay = options.RetryDelay, BackoffType = DelayBackoffType.Exponential, UseJitter = true });
            }

            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions());
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        return builder;
    }
}
