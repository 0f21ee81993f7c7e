namespace Shop.LoadTests.Engine;

/// <summary>
/// How one HTTP request of an iteration ended, as the overload report counts them: served, refused (by status: the
/// shop's 503 or a per-client 429), timed out (no answer within the client's timeout), or anything else.
/// </summary>
public static class RequestOutcomes
{
    /// <summary>Answered 2xx or 3xx.</summary>
    public const string Served = "served";

    /// <summary>No answer within the client's timeout.</summary>
    public const string TimedOut = "timed out";

    /// <summary>The outcome of an answer with <paramref name="status"/>.</summary>
    public static string Of(int status) => status switch
    {
        >= 200 and < 400 => Served,
        429 or 503 => $"refused {status}",
        _ => $"answered {status}",
    };

    /// <summary>The outcome of a request that got no answer because of <paramref name="failure"/>.</summary>
    public static string Of(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure is TaskCanceledException { InnerException: TimeoutException } ? TimedOut : $"failed ({failure.GetType().Name})";
    }

    /// <summary>Whether <paramref name="outcome"/> is a refusal.</summary>
    public static bool IsRefusal(string outcome) => outcome?.StartsWith("refused ", StringComparison.Ordinal) == true;
}
