namespace Shop.LoadTests.Scenarios;

/// <summary>A checked fact of a run, e.g. oversold = 0.</summary>
public sealed record Invariant(string Name, long Expected, long Actual)
{
    /// <summary>Whether it holds.</summary>
    public bool Holds => Expected == Actual;
}
