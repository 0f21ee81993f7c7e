using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>
/// Builds the official client for the configured cluster: one node, the configured authentication, and the
/// transport's HTTP invoker with a resilience handler in front of its socket handler (exponential retries of
/// connection failures, timeouts, 408, 429 and 5xx honouring Retry-After, a circuit breaker so an outage fails fast,
/// a per-attempt timeout). The transport itself does not retry against a single node. Every request the index sends
/// is idempotent (external versions, deletes by id, searches), so a retry after a lost answer is safe.
/// </summary>
internal static class ElasticsearchConnection
{
    /// <summary>The client of <paramref name="options"/>'s cluster, sending through <paramref name="invoker"/>.</summary>
    public static ElasticsearchClient Client(ElasticsearchOptions options, IRequestInvoker invoker)
    {
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri(options.Url)), invoker)
            .DefaultIndex(options.Index)
            .RequestTimeout(TotalTimeout(options));
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            settings = settings.Authentication(new ApiKey(options.ApiKey));
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            settings = settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? ""));
        }

        return new ElasticsearchClient(settings);
    }

    /// <summary>
    /// The transport's HTTP invoker with the resilience pipeline of <paramref name="options"/> before the handler that
    /// sends: the transport's own socket handler, or <paramref name="sender"/> when given.
    /// </summary>
    public static IRequestInvoker Http(ElasticsearchOptions options, HttpMessageHandler? sender = null)
    {
        var pipeline = Pipeline(options);
        return new HttpRequestInvoker((handler, _) => new ResilienceHandler(pipeline) { InnerHandler = sender ?? handler });
    }

    /// <summary>Retries, circuit breaker and per-attempt timeout (the outermost strategy first).</summary>
    private static ResiliencePipeline<HttpResponseMessage> Pipeline(ElasticsearchOptions options)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        return pipeline
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions())
            .AddTimeout(options.RequestTimeout)
            .Build();
    }

    // The transport's own timeout covers the whole call, retries and their back-off included (jitter stays below
    // twice the nominal delay).
    private static TimeSpan TotalTimeout(ElasticsearchOptions options) =>
        (options.RequestTimeout * (options.MaxRetries + 1)) + (options.RetryDelay * (2 << options.MaxRetries));
}
