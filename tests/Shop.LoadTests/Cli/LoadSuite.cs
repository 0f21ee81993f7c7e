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
            case "overload":
                return await OverloadAsync(name, rate, ct);
            default:
                return [await runner.RunAsync(Create(name), Constant(rate), cancellationToken: ct)];
        }
    }

    /// <summary>
    /// The overload model: a ramp finds the max (the best goodput it reaches), half of it gives the normal p99, then
    /// 10 x max is offered and at once half of max again, to see what is served, what is refused and how fast the
    /// p99 comes back.
    /// </summary>
    private async Task<IReadOnlyList<ScenarioResult>> OverloadAsync(string name, double rate, CancellationToken ct)
    {
        var rampTo = options.RampTo ?? rate * 8;
        var ramp = await runner.RunAsync(Create(name), new Ramp { From = rate / 2, To = rampTo, Duration = options.Duration, WarmUp = options.WarmUp },
            string.Create(CultureInfo.InvariantCulture, $"{name} (ramp to find max)"), ct);
        var max = Math.Max(1, OverloadAnalysis.MaxGoodput(ramp.Timeline));
        var half = Math.Max(1, Math.Round(max / 2));
        var normal = await runner.RunAsync(Create(name), Constant(half), string.Create(CultureInfo.InvariantCulture, $"{name} (half max)"), ct);
        var offered = Math.Round(max * 10);
        var phases = Phased.Of(new Phase(offered, options.Duration), new Phase(half, options.Duration));
        var overload = await runner.RunAsync(Create(name), phases, string.Create(CultureInfo.InvariantCulture, $"{name} (10 x max, then half max)"), ct);
        var overloadEnds = options.Duration.TotalSeconds;
        var summary = new OverloadSummary
        {
            Max = max,
            Offered = offered,
            Goodput = OverloadAnalysis.Goodput(overload.Timeline, 0, overloadEnds),
            NormalP99 = normal.Latency.P99,
            RecoverySeconds = OverloadAnalysis.RecoverySeconds(overload.Timeline, overloadEnds, normal.Latency.P99),
        };
        return [ramp, normal, overload with { Overload = summary }];
    }

    private ConcurrentUsers Users() => new() { Users = options.Users, Duration = options.Duration, WarmUp = options.WarmUp };

    private ConstantRate Constant(double rate) => new() { Rate = rate, Duration = options.Duration, WarmUp = options.WarmUp };
}
