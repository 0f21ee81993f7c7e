using System.Diagnostics;
using System.Text.Json;

namespace Shop.LoadTests.Scenarios;

/// <summary>Places an order and follows it to a final status, as a shopper's app polling the order would.</summary>
public static class OrderTracking
{
    /// <summary>How long an order may take to reach a final status before it counts as stuck.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(30);

    /// <summary>Places the shopper's cart as an order; the status code, and the order id when accepted.</summary>
    public static async Task<(int Status, string? OrderId)> PlaceAsync(IterationContext context, Shopper shopper, bool card)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(shopper);
        var placing = Stopwatch.GetTimestamp();
        var placed = await context.Api.SendAsync(HttpMethod.Post, "/v1/orders", Json.Checkout(card), shopper.AccessToken,
            idempotencyKey: Guid.NewGuid().ToString("N"), cancellationToken: context.CancellationToken);
        context.Step("POST /v1/orders", placing);
        return (placed.Status, placed.Ok ? placed.Text("orderId") : null);
    }

    /// <summary>Polls the order until CONFIRMED or CANCELLED; (null, null) when it is stuck.</summary>
    public static async Task<(string? Status, string? Reason)> FinalStatusAsync(IterationContext context, Shopper shopper, string orderId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(shopper);
        var deadline = Stopwatch.GetTimestamp() + (long)(StuckAfter.TotalSeconds * Stopwatch.Frequency);
        for (var poll = 0; Stopwatch.GetTimestamp() < deadline; poll++)
        {
            var response = await context.Api.GetAsync("/v1/orders/" + orderId, shopper.AccessToken, cancellationToken: context.CancellationToken);
            if (response.Ok)
            {
                using var json = response.Json();
                var status = json.RootElement.GetProperty("status").GetString();
                if (status is "CONFIRMED" or "CANCELLED")
                {
                    var reason = json.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                    return (status, reason);
                }
            }

            // Fine-grained at first (the saga usually ends within milliseconds), then gentler on the shop.
            await Task.Delay(poll < 20 ? 5 : 50, context.CancellationToken);
        }

        return (null, null);
    }
}
