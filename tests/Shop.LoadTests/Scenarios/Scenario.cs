using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Scenarios;

/// <summary>
/// One load scenario, shaped like an NBomber scenario: it prepares what its iterations need before the measured phase
/// (per worker, so no two concurrent iterations share a user or a cart), runs one iteration at a time per worker, and
/// checks its invariants at the end.
/// </summary>
public abstract class Scenario
{
    /// <summary>The scenario's name on the command line and in reports.</summary>
    public abstract string Name { get; }

    /// <summary>About how long one iteration takes on a healthy shop; sizes the worker pool of open models.</summary>
    public virtual double TypicalIterationSeconds => 0.02;

    /// <summary>Which ceiling of the report the throughput is compared with, if any.</summary>
    public virtual string? Ceiling => null;

    /// <summary>The DESIGN.md section 8 target, as text for the report.</summary>
    public virtual string Target => "";

    /// <summary>Prepares users, carts and products for <paramref name="context"/>'s workers.</summary>
    public virtual Task PrepareAsync(PreparationContext context) => Task.CompletedTask;

    /// <summary>Runs one iteration.</summary>
    public abstract Task<Outcome> RunAsync(IterationContext context);

    /// <summary>Checks the scenario's invariants once every iteration ended.</summary>
    public virtual Task<IReadOnlyList<Invariant>> VerifyAsync(PreparationContext context) =>
        Task.FromResult<IReadOnlyList<Invariant>>([]);
}
