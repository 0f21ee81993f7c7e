using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Scenarios;

/// <summary>A read-only scenario over the published catalog, compared with the bare-Kestrel ceiling.</summary>
public abstract class CatalogScenario : Scenario
{
    /// <summary>The catalog read before the run.</summary>
    protected IReadOnlyList<CatalogProduct> Catalog { get; private set; } = [];

    /// <inheritdoc />
    public override string? Ceiling => Ceilings.KestrelJson;

    /// <inheritdoc />
    public override string Target => ">= 30% of the bare-Kestrel ceiling; p99 <= 10 ms at half of max throughput";

    /// <inheritdoc />
    public override Task PrepareAsync(PreparationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Catalog = context.Shop.Catalog;
        return Task.CompletedTask;
    }

    /// <summary>A random product of the catalog.</summary>
    protected CatalogProduct AnyProduct(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Catalog[random.Next(Catalog.Count)];
    }
}
