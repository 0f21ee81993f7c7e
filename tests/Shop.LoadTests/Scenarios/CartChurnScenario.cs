using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Scenarios;

/// <summary>
/// Cart churn: every iteration is one cart change on the worker's own guest cart: add a line, set a line's quantity
/// or remove a line. The worker tracks its cart's lines, so every request is valid and any failure is the shop's.
/// </summary>
public sealed class CartChurnScenario : Scenario
{
    private const int MaxLines = 6;
    private IReadOnlyList<CatalogProduct> catalog = [];
    private string[] carts = [];
    private List<string>[] lines = [];

    /// <inheritdoc />
    public override string Name => "cart";

    /// <inheritdoc />
    public override double TypicalIterationSeconds => 0.01;

    /// <inheritdoc />
    public override string? Ceiling => Ceilings.RedisSet;

    /// <inheritdoc />
    public override string Target => ">= 5,000 req/s; p99 <= 25 ms (Redis-backed)";

    /// <inheritdoc />
    public override async Task PrepareAsync(PreparationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        catalog = context.Shop.Catalog;
        carts = await context.Shop.GuestCartsAsync(context.Workers, context.CancellationToken);
        lines = [.. Enumerable.Range(0, context.Workers).Select(_ => new List<string>())];
    }

    /// <inheritdoc />
    public override async Task<Outcome> RunAsync(IterationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cart = carts[context.Worker];
        var held = lines[context.Worker];
        var roll = context.Random.NextDouble();
        if (held.Count == 0 || (held.Count < MaxLines && roll < 0.4))
        {
            var sku = catalog[context.Random.Next(catalog.Count)].Sku;
            if (held.Contains(sku))
            {
                return await SetQuantityAsync(context, cart, sku);
            }

            var added = await context.Api.SendAsync(HttpMethod.Post, "/v1/cart/items", Json.Item(sku, 1 + context.Random.Next(3)), cartId: cart, cancellationToken: context.CancellationToken);
            if (added.Ok)
            {
                held.Add(sku);
            }

            return added.Ok ? Outcome.Success : Outcome.Fail("add line: " + added.Reason);
        }

        var line = held[context.Random.Next(held.Count)];
        if (roll < 0.8)
        {
            return await SetQuantityAsync(context, cart, line);
        }

        var removed = await context.Api.SendAsync(HttpMethod.Delete, "/v1/cart/items/" + line, cartId: cart, cancellationToken: context.CancellationToken);
        held.Remove(line);
        return removed.Ok ? Outcome.Success : Outcome.Fail("remove line: " + removed.Reason);
    }

    private static async Task<Outcome> SetQuantityAsync(IterationContext context, string cart, string sku)
    {
        var body = Json.Of(new { quantity = 1 + context.Random.Next(5) });
        var updated = await context.Api.SendAsync(HttpMethod.Put, "/v1/cart/items/" + sku, body, cartId: cart, cancellationToken: context.CancellationToken);
        return updated.Ok ? Outcome.Success : Outcome.Fail("set quantity: " + updated.Reason);
    }
}
