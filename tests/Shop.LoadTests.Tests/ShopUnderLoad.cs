using Shop.LoadTests.Api;
using Shop.LoadTests.Engine;
using Shop.LoadTests.Preparation;
using Shop.LoadTests.Reporting;
using Shop.LoadTests.Scenarios;

namespace Shop.LoadTests.Tests;

/// <summary>The in-process shop with the load suite's client, catalog and runner, shared by the smoke runs.</summary>
public sealed class ShopUnderLoad : IAsyncLifetime
{
    private readonly InProcessShop shop = new();
    private readonly StringWriter progress = new();
    private ShopApi? api;
    private ShopData? data;

    /// <summary>Runs <paramref name="scenario"/> under <paramref name="model"/>; the progress lines go to <see cref="Progress"/>.</summary>
    public Task<ScenarioResult> RunAsync(Scenario scenario, LoadModel model) =>
        new ScenarioRunner(api!, data!, TextWriter.Synchronized(progress), new RunSettings()).RunAsync(scenario, model);

    /// <summary>Everything the runs printed.</summary>
    public string Progress => progress.ToString();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        api = new ShopApi(shop.CreateClient());
        data = new ShopData(api, "admin@shop.local", "ChangeMe-Admin-1", new RateLimitBackoff(TextWriter.Synchronized(progress), RateLimitBackoff.DefaultBudget));
        var deadline = DateTime.UtcNow.AddSeconds(60);

        // The demo catalog is seeded in the background after start: wait until it is searchable.
        while (true)
        {
            try
            {
                await data.LoadCatalogAsync(CancellationToken.None);
                return;
            }
            catch (PreparationFailedException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        api?.Dispose();
        await shop.DisposeAsync();
        progress.Dispose();
    }
}
