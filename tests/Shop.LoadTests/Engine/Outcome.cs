namespace Shop.LoadTests.Engine;

/// <summary>How one iteration ended: ok, or failed with a short reason (an HTTP status or an exception type).</summary>
public readonly record struct Outcome(bool Ok, string? Error)
{
    /// <summary>Success.</summary>
    public static Outcome Success { get; } = new(true, null);

    /// <summary>A failure with <paramref name="reason"/>.</summary>
    public static Outcome Fail(string reason) => new(false, reason);
}
