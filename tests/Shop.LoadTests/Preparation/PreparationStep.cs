namespace Shop.LoadTests.Preparation;

/// <summary>
/// One batch of preparation requests ("registering shoppers", 200 of them): how many are done, and how many got
/// through since the shop last refused, which is how the back-off estimates what a rate limit lets through per window.
/// </summary>
public sealed class PreparationStep(string what, int total)
{
    private readonly Lock gate = new();
    private int done;
    private int sinceRefusal;
    private DateTimeOffset? countingSince;

    /// <summary>What the batch does, e.g. "registering shoppers".</summary>
    public string What => what;

    /// <summary>Requests in the batch.</summary>
    public int Total => total;

    /// <summary>Requests that succeeded.</summary>
    public int Done
    {
        get
        {
            lock (gate)
            {
                return done;
            }
        }
    }

    /// <summary>Requests still to do.</summary>
    public int Remaining => Math.Max(0, total - Done);

    /// <summary>Counts one success.</summary>
    public void Succeeded(DateTimeOffset now)
    {
        lock (gate)
        {
            countingSince ??= now;
            done++;
            sinceRefusal++;
        }
    }

    /// <summary>Successes since the last refusal and since when they were counted; starts a new count from <paramref name="resumesAt"/>.</summary>
    public (int Granted, DateTimeOffset? Since) Refused(DateTimeOffset resumesAt)
    {
        lock (gate)
        {
            var counted = (sinceRefusal, countingSince);
            sinceRefusal = 0;
            countingSince = resumesAt;
            return counted;
        }
    }
}
