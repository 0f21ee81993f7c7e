using System.Globalization;
using Shop.LoadTests.Engine;
using Shop.LoadTests.Reporting;
using Shop.LoadTests.Scenarios;

namespace Shop.LoadTests.Cli;

/// <summary>Runs the chosen scenarios under the chosen model, one after the other, and collects their results.</summary>
public sealed class LoadSuite(LoadOptions options, ScenarioRunner runner)
{
    /// <summary>A fresh scenario by name (counters and prepared state belong to one run).</summary>
    public Scenario Create(string name) => name switch
    {
        "browse" => new BrowseScenario(),
        "search" => new SearchScenario(),
        "cart" => new CartChurnScenario(),
        "checkout" => new CheckoutScenario(),
        "flash-sale" => new FlashSaleScenario(options.Buyers, options.Units),
        "mixed" => new MixedScenario(),
        "admin" => new AdminScenario(),
        _ => throw new ArgumentException($"Unknown scenario '{name}'."),
    };

    /// <summary>Runs every chosen scenario.</summary>
    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<ScenarioResult>();
        foreach (var name in options.Scenarios)
        {
            results.AddRange(await RunScenarioAsync(name, cancellationToken));
        }

        return results;
    }

    private async Task<IReadOnlyList<ScenarioResult>> RunScenarioAsync(string name, CancellationToken ct)
    {
        if (name == "flash-sale")
        {
            return [await runner.RunAsync(Create(name), new Burst { Count = options.Buyers, Duration = TimeSpan.Zero }, cancellationToken: ct)];
        }

        var rate = options.RateOf(name);
        switch (options.Model)
        {
            case "users":
                return [await runner.RunAsync(Create(name), Users(), cancellationToken: ct)];
            case "ramp":
                return [await runner.RunAsync(Create(name), new Ramp { From = rate, To = options.RampTo ?? rate * 2, Duration = options.Duration, WarmUp = options.WarmUp }, cancellationToken: ct)];
            case "saturate":
                // The most the shop does with a fixed set of users, then the latency at half of that, open model.
                var max = await runner.RunAsync(Create(name), Users(), $"{name} (max)", ct);
                var half = Math.Max(1, Math.Round(max.Throughput / 2));
                var atHalf = await runner.RunAsync(Create(name), Constant(half), string.Create(CultureInfo.InvariantCulture, $"{name} (half max)"), ct);
                return [max, atHalf];
            default:
                return [await runner.RunAsync(Create(name), Constant(rate), cancellationToken: ct)];
        }
    }

    private ConcurrentUsers Users() => new() { Users = options.Users, Duration = options.Duration, WarmUp = options.WarmUp };

    private ConstantRate Constant(double rate) => new() { Rate = rate, Duration = options.Duration, WarmUp = options.WarmUp };
}
