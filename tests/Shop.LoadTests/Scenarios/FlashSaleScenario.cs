using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Scenarios;

/// <summary>
/// Flash sale: <see cref="Buyers"/> shoppers, each with one unit in the cart, race for <see cref="Units"/> units.
/// Every order must end CONFIRMED or CANCELLED (out of stock): confirmed = min(buyers, units), oversold = 0,
/// stuck = 0, and the stock left matches.
/// </summary>
public sealed class FlashSaleScenario(int buyers, int units) : Scenario
{
    private Shopper[] shoppers = [];
    private CatalogProduct? product;
    private long confirmed;
    private long soldOut;
    private long stuck;

    /// <summary>Shoppers racing.</summary>
    public int Buyers => buyers;

    /// <summary>Units for sale.</summary>
    public int Units => units;

    /// <inheritdoc />
    public override string Name => "flash-sale";

    /// <inheritdoc />
    public override string Target => "confirmed = units, oversold = 0, stuck = 0";

    /// <inheritdoc />
    public override async Task PrepareAsync(PreparationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        product = await context.Shop.CreateProductAsync($"LOAD-FLASH-{context.RunId}", units, context.CancellationToken);
        shoppers = await context.Shop.RegisterShoppersAsync(buyers, $"flash-{context.RunId}", context.CancellationToken);
        await context.Shop.FillCartsAsync(shoppers, product.Sku, context.CancellationToken);
    }

    /// <inheritdoc />
    public override async Task<Outcome> RunAsync(IterationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shopper = shoppers[context.Sequence % shoppers.Length];
        var (status, orderId) = await OrderTracking.PlaceAsync(context, shopper, card: false);
        if (orderId is null)
        {
            // The gateway may refuse up front when nothing is left to sell: a correct answer in a sell-out.
            return status == 422 ? Count(ref soldOut) : Outcome.Fail($"POST /v1/orders: HTTP {status}");
        }

        var (final, reason) = await OrderTracking.FinalStatusAsync(context, shopper, orderId);
        return (final, reason) switch
        {
            ("CONFIRMED", _) => Count(ref confirmed),
            ("CANCELLED", "out_of_stock") => Count(ref soldOut),
            (null, _) => Fail(ref stuck, "order stuck"),
            _ => Outcome.Fail($"order {final} ({reason})"),
        };
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Invariant>> VerifyAsync(PreparationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sold = Interlocked.Read(ref confirmed);
        var left = await context.Shop.AvailableAsync(product!.Sku, context.CancellationToken);
        var expected = Math.Min(buyers, units);
        return
        [
            new Invariant("confirmed", expected, sold),
            new Invariant("oversold", 0, Math.Max(0, sold - units)),
            new Invariant("stuck", 0, Interlocked.Read(ref stuck)),
            new Invariant("sold out (cancelled or refused)", buyers - expected, Interlocked.Read(ref soldOut)),
            new Invariant("stock left", units - expected, left),
        ];
    }

    private static Outcome Count(ref long counter)
    {
        Interlocked.Increment(ref counter);
        return Outcome.Success;
    }

    private static Outcome Fail(ref long counter, string reason)
    {
        Interlocked.Increment(ref counter);
        return Outcome.Fail(reason);
    }
}
