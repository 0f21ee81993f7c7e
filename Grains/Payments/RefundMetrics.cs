using System.Diagnostics.Metrics;

namespace Shop.Grains.Payments;

/// <summary>
/// The refund metrics of meter <c>Shop.Grains.Payments</c>: <c>shop.refunds.pending</c> (refunds the provider refused
/// and that are being retried; it should drop back to 0) and <c>shop.refunds.failed</c> (refused or unanswered attempts).
/// </summary>
public sealed class RefundMetrics
{
    /// <summary>The meter of the payment grains.</summary>
    public const string MeterName = "Shop.Grains.Payments";

    /// <summary>Instrument names.</summary>
    public const string Pending = "shop.refunds.pending", Failed = "shop.refunds.failed";

    private readonly UpDownCounter<long> pending;
    private readonly Counter<long> failed;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public RefundMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        pending = meter.CreateUpDownCounter<long>(Pending, description: "Refunds the provider refused so far; retried by reminder with backoff.");
        failed = meter.CreateCounter<long>(Failed, description: "Refund attempts the provider refused or did not answer.");
        // Both series exist from the first payment on, so alerts over them need no "absent" case.
        pending.Add(0);
        failed.Add(0);
    }

    /// <summary>A refund attempt failed; <paramref name="firstFailure"/> when the refund just became pending.</summary>
    public void AttemptFailed(bool firstFailure)
    {
        failed.Add(1);
        if (firstFailure)
        {
            pending.Add(1);
        }
    }

    /// <summary>A pending refund was made after all.</summary>
    public void PendingRefundMade() => pending.Add(-1);
}
