namespace Shop.Faults.Tests.Load;

/// <summary>One answer seen during a fault: when, to what kind of request, with which status (0: no HTTP answer).</summary>
internal readonly record struct Observation(DateTimeOffset At, bool Read, int Status)
{
    /// <summary>Whether the shop served it (2xx).</summary>
    public bool Served => Status is >= 200 and < 300;
}
