using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Shop.Integrations.Stripe;

/// <summary>
/// The HttpClient Stripe.net sends through. Retrying is done here, not by Stripe.net (its network retries are off):
/// one pipeline with exponential backoff honouring Retry-After, a circuit breaker and a per-attempt timeout. A retry
/// resends the same request, so it keeps its Idempotency-Key and Stripe never charges twice.
/// </summary>
public static class StripeHttp
{
    /// <summary>The name of the HttpClient (and its resilience pipeline).</summary>
    public const string ClientName = "stripe";

    /// <summary>Registers the named HttpClient with its resilience pipeline.</summary>
    public static IHttpClientBuilder AddStripeHttpClient(this IServiceCollection services)
    {
        var builder = services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(ClientName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<StripeOptions>>().Value;
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
            }

            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions());
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        return builder;
    }

    /// <summary>Timeouts, connection failures, 409 (a request with the same idempotency key in flight), 429 and 5xx.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome)
        || outcome.Result?.StatusCode == HttpStatusCode.Conflict;
}
