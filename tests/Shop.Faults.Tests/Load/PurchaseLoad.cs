using System.Collections.Concurrent;
using System.Globalization;
using Shop.LoadTests.Api;
using Shop.LoadTests.Scenarios;

namespace Shop.Faults.Tests.Load;

/// <summary>
/// The load that runs during a fault, through the gateway's REST API: a few shoppers buying one unit at a time in a
/// bounded loop (add to cart, check out with an Idempotency-Key, half by card, half cash on delivery), and a reader
/// fetching the product every few milliseconds. A checkout refused with 503 is sent again with the same key, as a
/// client following Retry-After would, so an order that the shop may have taken is never placed twice. Every answer
/// is recorded with its time, for the recovery times and the "no 5xx on reads" checks.
/// </summary>
internal sealed class PurchaseLoad : IAsyncDisposable
{
    private static readonly TimeSpan ReadPeriod = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(1);

    private readonly ShopApi api;
    private readonly string sku;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<Observation> observations = new();
    private readonly ConcurrentQueue<Guid> accepted = new();
    private readonly List<Task> workers = [];

    private PurchaseLoad(ShopApi api, string sku, IReadOnlyList<Shopper> shoppers)
    {
        this.api = api;
        this.sku = sku;
        Shoppers = shoppers;
    }

    /// <summary>The shoppers (to read their orders afterwards).</summary>
    public IReadOnlyList<Shopper> Shoppers { get; }

    /// <summary>Orders the shop accepted (202).</summary>
    public IReadOnlyCollection<Guid> Accepted => accepted;

    /// <summary>Every answer seen so far.</summary>
    public IReadOnlyCollection<Observation> Observations => observations;

    /// <summary>Registers <paramref name="shoppers"/> shoppers and starts one purchase loop each, plus the reader.</summary>
    public static async Task<PurchaseLoad> StartAsync(ShopApi api, string sku, int shoppers)
    {
        ArgumentNullException.ThrowIfNull(api);
        var registered = new List<Shopper>();
        for (var i = 0; i < shoppers; i++)
        {
            var email = $"faults-{Guid.NewGuid():N}@example.com";
            var body = Json.Of(new { email, password = "Faults-Shopper-Pass-1", name = "Fault shopper" });
            var response = await Eventually.Value(() => api.SendAsync(HttpMethod.Post, "/v1/auth/register", body), r => r.Ok, because: "a shopper to register");
            registered.Add(new Shopper(email, response.Text("accessToken")!));
        }

        var load = new PurchaseLoad(api, sku, registered);
        load.workers.AddRange(registered.Select((shopper, i) => Task.Run(() => load.BuyUntilStopped(shopper, card: i % 2 == 0))));
        load.workers.Add(Task.Run(load.ReadUntilStopped));
        return load;
    }

    /// <summary>Stops the loops and waits for the requests in flight.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers);
    }

    /// <summary>Waits until the loop has had <paramref name="count"/> more orders accepted (so a fault hits a busy shop).</summary>
    public Task AcceptedAtLeast(int count)
    {
        var target = accepted.Count + count;
        return Eventually.Until(() => Task.FromResult(accepted.Count >= target), TimeSpan.FromSeconds(120), $"{count} orders to be accepted");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private async Task BuyUntilStopped(Shopper shopper, bool card)
    {
        var token = stop.Token;
        while (!token.IsCancellationRequested)
        {
            var added = await Send(false, HttpMethod.Post, "/v1/cart/items", Json.Item(sku, 1), shopper.Token, null);
            if (added?.Ok != true)
            {
                await Backoff(added);
                continue;
            }

            var key = Guid.NewGuid().ToString("N");
            // The same key until the shop answers with something other than 503: an order is placed at most once.
            while (!token.IsCancellationRequested)
            {
                var placed = await Send(false, HttpMethod.Post, "/v1/orders", Json.Checkout(card), shopper.Token, key);
                if (placed is { Status: 202 } && Guid.TryParse(placed.Text("orderId"), CultureInfo.InvariantCulture, out var orderId))
                {
                    accepted.Enqueue(orderId);
                    break;
                }

                if (placed is not null && placed.Status != 503)
                {
                    break;
                }

                await Backoff(placed);
            }
        }
    }

    private async Task ReadUntilStopped()
    {
        while (!stop.IsCancellationRequested)
        {
            await Send(true, HttpMethod.Get, "/v1/products/" + sku, null, null, null);
            await Delay(ReadPeriod);
        }
    }

    /// <summary>Sends and records; null when the shop gave no HTTP answer (connection refused or timed out) or the loop stopped.</summary>
    private async Task<ApiResponse?> Send(bool read, HttpMethod method, string path, string? json, string? token, string? key)
    {
        try
        {
            var response = await api.SendAsync(method, path, json, token, idempotencyKey: key, cancellationToken: stop.Token);
            observations.Enqueue(new Observation(DateTimeOffset.UtcNow, read, response.Status));
            return response;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            observations.Enqueue(new Observation(DateTimeOffset.UtcNow, read, 0));
            return null;
        }
    }

    private Task Backoff(ApiResponse? response)
    {
        // Retry-After as the shop says, but at most a second: the loop measures how soon the shop serves again.
        var wait = response?.RetryAfter is { } after ? TimeSpan.FromTicks(Math.Min(after.Ticks, LongestBackoff.Ticks)) : LongestBackoff / 4;
        return Delay(wait);
    }

    private async Task Delay(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
