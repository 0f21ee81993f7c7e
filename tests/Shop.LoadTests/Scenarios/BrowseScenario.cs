using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Scenarios;

/// <summary>Browse: GET /v1/products/{sku} of a random published product.</summary>
public sealed class BrowseScenario : CatalogScenario
{
    /// <inheritdoc />
    public override string Name => "browse";

    /// <inheritdoc />
    public override double TypicalIterationSeconds => 0.005;

    /// <inheritdoc />
    public override async Task<Outcome> RunAsync(IterationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = AnyProduct(context.Random);
        var response = await context.Api.GetAsync("/v1/products/" + product.Sku, cancellationToken: context.CancellationToken);
        return response.Ok ? Outcome.Success : Outcome.Fail("GET product: " + response.Reason);
    }
}
