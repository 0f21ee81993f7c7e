using System.Diagnostics;
using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Scenarios;

/// <summary>
/// Checkout: the worker's shopper puts one unit of one of <see cref="Products"/> products into the cart, places the
/// order (card with tok_visa and cash on delivery in turn) and polls it until CONFIRMED. Afterwards the products'
/// stock must have gone down by exactly the units of the orders the shop confirmed (as it lists the shoppers' orders).
/// The orders spread over several products as a shop's orders do; many buyers of one product are the flash sale's.
/// </summary>
public sealed class CheckoutScenario : Scenario
{
    /// <summary>How many products the orders spread over.</summary>
    public const int Products = 32;

    private const long InitialStock = 100_000_000;
    private Shopper[] shoppers = [];
    private CatalogProduct[] products = [];

    /// <inheritdoc />
    public override string Name => "checkout";

    /// <inheritdoc />
    public override double TypicalIterationSeconds => 0.25;

    /// <inheritdoc />
    public override string? Ceiling => Ceilings.PostgresUpsert;

    /// <inheritdoc />
    public override string Target => ">= 300 orders/s sustained; p99 POST-to-CONFIRMED <= 1 s (PostgreSQL + Kafka)";

    /// <inheritdoc />
    public override async Task PrepareAsync(PreparationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        products = await Task.WhenAll(Enumerable.Range(0, Products).Select(i =>
            context.Shop.CreateProductAsync($"LOAD-CHK-{context.RunId}-{i}", InitialStock, context.CancellationToken)));
        shoppers = await context.Shop.RegisterShoppersAsync(context.Workers, $"chk-{context.RunId}", context.CancellationToken);
    }

    /// <inheritdoc />
    public override async Task<Outcome> RunAsync(IterationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shopper = shoppers[context.Worker];
        var product = products[(context.Worker + context.Sequence) % products.Length];
        var adding = Stopwatch.GetTimestamp();
        var added = await context.Api.SendAsync(HttpMethod.Post, "/v1/cart/items", Json.Item(product.Sku, 1), shopper.AccessToken, cancellationToken: context.CancellationToken);
        context.Step("add to cart", adding);
        if (!added.Ok)
        {
            return Outcome.Fail("add to cart: " + added.Reason);
        }

        var placing = Stopwatch.GetTimestamp();
        var (status, orderId) = await OrderTracking.PlaceAsync(context, shopper, card: context.Sequence % 2 == 0);
        if (orderId is null)
        {
            return Outcome.Fail($"POST /v1/orders: HTTP {status}");
        }

        var (final, reason) = await OrderTracking.FinalStatusAsync(context, shopper, orderId);
        if (final != "CONFIRMED")
        {
            return Outcome.Fail(final is null ? "order stuck" : $"order {final} ({reason})");
        }

        context.Step("POST-to-CONFIRMED", placing);
        return Outcome.Success;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Invariant>> VerifyAsync(PreparationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The units of the orders the shop confirmed, as it lists them once none is in progress any more: under
        // overload a shopper may give up on an order that still finishes, and a refused order leaves its line in the
        // cart for the next one, so neither the shoppers' count of orders nor one unit per order would add up.
        var deadline = Stopwatch.GetTimestamp() + (long)(OrderTracking.StuckAfter.TotalSeconds * Stopwatch.Frequency);
        var statuses = await context.Shop.OrderedUnitsByStatusAsync(shoppers, context.CancellationToken);
        while (statuses.Keys.Any(s => s is not ("CONFIRMED" or "CANCELLED")) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(500, context.CancellationToken);
            statuses = await context.Shop.OrderedUnitsByStatusAsync(shoppers, context.CancellationToken);
        }

        var available = await Task.WhenAll(products.Select(p => context.Shop.AvailableAsync(p.Sku, context.CancellationToken)));
        var sold = available.Sum(a => InitialStock - a);
        return [new Invariant("stock sold = units of the orders confirmed", statuses.GetValueOrDefault("CONFIRMED"), sold)];
    }
}
