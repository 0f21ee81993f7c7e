using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Scenarios;

/// <summary>
/// The mixed shopper journey: each iteration is what a shopper does next, drawn with realistic weights: most look at
/// products (50%) or search (30%), some change their cart (15%), few check out (5%).
/// </summary>
public sealed class MixedScenario : Scenario
{
    private readonly (Scenario Scenario, int Weight)[] steps =
    [
        (new BrowseScenario(), 50),
        (new SearchScenario(), 30),
        (new CartChurnScenario(), 15),
        (new CheckoutScenario(), 5),
    ];

    /// <inheritdoc />
    public override string Name => "mixed";

    /// <inheritdoc />
    public override double TypicalIterationSeconds => 0.03;

    /// <inheritdoc />
    public override string? Ceiling => Ceilings.KestrelJson;

    /// <inheritdoc />
    public override string Target => "no errors; invariants of its checkouts hold";

    /// <inheritdoc />
    public override async Task PrepareAsync(PreparationContext context)
    {
        foreach (var (scenario, _) in steps)
        {
            await scenario.PrepareAsync(context);
        }
    }

    /// <inheritdoc />
    public override Task<Outcome> RunAsync(IterationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var roll = context.Random.Next(steps.Sum(s => s.Weight));
        foreach (var (scenario, weight) in steps)
        {
            if (roll < weight)
            {
                return RunStepAsync(scenario, context);
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Weights do not cover the roll.");
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Invariant>> VerifyAsync(PreparationContext context)
    {
        var invariants = new List<Invariant>();
        foreach (var (scenario, _) in steps)
        {
            invariants.AddRange(await scenario.VerifyAsync(context));
        }

        return invariants;
    }

    private static async Task<Outcome> RunStepAsync(Scenario scenario, IterationContext context)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await scenario.RunAsync(context);
        context.Step(scenario.Name, started);
        return outcome;
    }
}
