using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Api;

/// <summary>
/// The shop's REST API as the load suite uses it: one <see cref="HttpClient"/> over one pooled
/// <see cref="SocketsHttpHandler"/> for the whole run (connections are reused, nothing is allocated per request
/// beyond the request itself), no cookies, no redirects, no decompression.
/// </summary>
public sealed class ShopApi : IDisposable
{
    private const string CartHeader = "X-Cart-Id";
    private readonly HttpClient http;
    private readonly WorkerRecorder? recorder;
    private readonly bool ownsClient = true;

    /// <summary>A client of the shop at <paramref name="target"/>.</summary>
    public ShopApi(Uri target)
        : this(new HttpClient(CreateHandler(), disposeHandler: true) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) })
    {
    }

    /// <summary>A client over a given <see cref="HttpClient"/> whose base address is the shop (in-process tests).</summary>
    public ShopApi(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        this.http = http;
    }

    private ShopApi(HttpClient http, WorkerRecorder recorder)
    {
        this.http = http;
        this.recorder = recorder;
        ownsClient = false;
    }

    /// <summary>
    /// The same client (its connections shared) recording every request's outcome and latency into one worker's
    /// <paramref name="into"/>, for the report's requests-by-outcome table. Disposing it leaves the client open.
    /// </summary>
    public ShopApi RecordingInto(WorkerRecorder into) => new(http, into);

    /// <summary>The shop's base address.</summary>
    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>A handler tuned for load: unlimited pooled connections, recycled every few minutes.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Sends a request; <paramref name="json"/> is the body when given.</summary>
    public async Task<ApiResponse> SendAsync(
        HttpMethod method, string path, string? json = null, string? token = null, string? cartId = null,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (cartId is not null)
        {
            request.Headers.TryAddWithoutValidation(CartHeader, cartId);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException { InnerException: TimeoutException } or IOException)
        {
            Record(RequestOutcomes.Of(e), started);
            throw;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            Record(RequestOutcomes.Of(status), started);
            var cart = response.Headers.TryGetValues(CartHeader, out var values) ? values.FirstOrDefault() : null;
            return status is 429 or 503
                ? new ApiResponse(status, body, cart) { RetryAfter = RetryAfterOf(response) }
                : new ApiResponse(status, body, cart);
        }
    }

    /// <summary>
    /// Retry-After as a wait: its seconds, or its date less the answer's own Date (so the two clocks need not agree),
    /// or less this machine's clock when the answer has no Date.
    /// </summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is not { } date)
        {
            return null;
        }

        var wait = date - (response.Headers.Date ?? DateTimeOffset.UtcNow);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>GET.</summary>
    public Task<ApiResponse> GetAsync(string path, string? token = null, string? cartId = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, path, null, token, cartId, null, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsClient)
        {
            http.Dispose();
        }
    }

    private void Record(string outcome, long started) =>
        recorder?.Request(outcome, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
}
