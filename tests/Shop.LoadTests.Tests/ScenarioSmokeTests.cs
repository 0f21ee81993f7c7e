using Shop.LoadTests.Engine;
using Shop.LoadTests.Reporting;
using Shop.LoadTests.Scenarios;
using Xunit.Abstractions;

namespace Shop.LoadTests.Tests;

/// <summary>
/// Every scenario of the load suite for a few seconds at a low rate against the real gateway (co-hosted silo, embedded
/// defaults): it must finish with no error and with its invariants holding. No time is asserted.
/// </summary>
public sealed class ScenarioSmokeTests(ShopUnderLoad shop, ITestOutputHelper output) : IClassFixture<ShopUnderLoad>
{
    private static readonly ConstantRate Gentle = new() { Rate = 10, Duration = TimeSpan.FromSeconds(2), WarmUp = TimeSpan.FromSeconds(0.5) };

    [Fact]
    public async Task Browse_runs_without_errors() => AssertClean(await shop.RunAsync(new BrowseScenario(), Gentle));

    [Fact]
    public async Task Search_runs_without_errors() => AssertClean(await shop.RunAsync(new SearchScenario(), Gentle));

    [Fact]
    public async Task Cart_churn_runs_without_errors() => AssertClean(await shop.RunAsync(new CartChurnScenario(), Gentle));

    [Fact]
    public async Task Checkout_confirms_every_order_and_sells_exactly_the_confirmed_stock()
    {
        var result = await shop.RunAsync(new CheckoutScenario(), Gentle);

        AssertClean(result);
        Assert.Contains(result.Steps, s => s.Name == "POST-to-CONFIRMED" && s.Latency.Count == result.Iterations);
        Assert.Single(result.Invariants);
    }

    [Fact]
    public async Task Flash_sale_confirms_exactly_the_units_with_nothing_oversold_or_stuck()
    {
        var result = await shop.RunAsync(new FlashSaleScenario(buyers: 25, units: 5), new Burst { Count = 25, Duration = TimeSpan.Zero });

        AssertClean(result);
        Assert.Equal(25, result.Iterations);
        Assert.Contains(result.Invariants, i => i is { Name: "confirmed", Expected: 5, Actual: 5 });
        Assert.Contains(result.Invariants, i => i is { Name: "oversold", Actual: 0 });
        Assert.Contains(result.Invariants, i => i is { Name: "stuck", Actual: 0 });
    }

    [Fact]
    public async Task Mixed_journey_runs_without_errors_under_fixed_users()
    {
        var result = await shop.RunAsync(new MixedScenario(), new ConcurrentUsers { Users = 4, Duration = TimeSpan.FromSeconds(2), WarmUp = TimeSpan.FromSeconds(0.5) });

        AssertClean(result);
    }

    [Fact]
    public async Task Admin_order_search_runs_without_errors_beside_checkouts()
    {
        var result = await shop.RunAsync(new AdminScenario(), Gentle);

        AssertClean(result);
        Assert.Contains(result.Steps, s => s.Name == "admin order search" && s.Latency.Count > 0);
    }

    private void AssertClean(ScenarioResult result)
    {
        output.WriteLine(shop.Progress);
        output.WriteLine(ReportWriter.Console(new LoadReport
        {
            GeneratedAt = DateTimeOffset.UtcNow,
            Profile = "smoke",
            Target = "in-process",
            Machine = MachineInfo.Read(),
            LoadAverageAtStart = MachineInfo.LoadAverage(),
            Extras = new Extras(),
            Scenarios = [result],
        }));
        Assert.True(result.Iterations > 0, "no iteration was measured");
        Assert.Empty(result.Errors);
        Assert.Equal(0, result.Failed);
        Assert.All(result.Invariants, i => Assert.True(i.Holds, $"{i.Name}: expected {i.Expected}, got {i.Actual}"));
        Assert.True(result.Passed);
    }
}
