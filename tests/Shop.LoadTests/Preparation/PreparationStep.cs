namespace Shop.LoadTests.Preparation;

/// <summary>
/// One batch of preparation requests ("registering shoppers", 200 of them): how many are done, and how many were sent
/// in the current window before the shop refused one, which is how the back-off estimates what a rate limit lets
/// through per window. Requests still in flight when the refusal arrives count as let through: a fixed-window limiter
/// grants in arrival order, and they arrived first.
/// </summary>
public sealed class PreparationStep(string what, int total)
{
    private readonly Lock gate = new();
    private int done;
    private long sent;
    private long windowStart;
    private int doneAtWindowStart;
    private DateTimeOffset? firstSendInWindow;

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

    /// <summary>Numbers a request about to be sent at <paramref name="now"/>.</summary>
    public long Sending(DateTimeOffset now)
    {
        lock (gate)
        {
            firstSendInWindow ??= now;
            return sent++;
        }
    }

    /// <summary>Counts one success.</summary>
    public void Succeeded()
    {
        lock (gate)
        {
            done++;
        }
    }

    /// <summary>
    /// Request <paramref name="sequence"/> was refused, opening a new wait: the requests let through in the window
    /// before it, when that window's first request was sent, and what is left once those still in flight are done.
    /// Everything sent from now on is the next window's.
    /// </summary>
    public (int Granted, DateTimeOffset? Since, int Remaining) Refused(long sequence)
    {
        lock (gate)
        {
            var granted = (int)Math.Max(0, sequence - windowStart);
            var inFlight = Math.Max(0, granted - (done - doneAtWindowStart));
            var counted = (granted, firstSendInWindow, Math.Max(0, total - done - inFlight));
            windowStart = sent;
            doneAtWindowStart = done;
            firstSendInWindow = null;
            return counted;
        }
    }
}
