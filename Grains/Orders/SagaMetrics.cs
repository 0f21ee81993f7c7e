using System.Diagnostics.Metrics;
using Shop.Orders;
using Shop.Orders.Events;

namespace Shop.Grains.Orders;

/// <summary>
/// The saga's metrics (meter <c>Shop.Grains.Orders</c>): orders placed, confirmed and cancelled by reason, how long
/// after placement each step was reached, stock reservations refused, and e-mails given up. Every counter starts at
/// zero when the silo first needs it, so a rate over it exists before the first failure.
/// A step counted just before a state write that fails is counted again when the event is redelivered.
/// </summary>
public sealed class SagaMetrics
{
    /// <summary>The meter of the saga grains.</summary>
    public const string MeterName = "Shop.Grains.Orders";

    /// <summary>Instrument names.</summary>
    public const string Placed = "shop.orders.placed",
        Confirmed = "shop.orders.confirmed",
        Cancelled = "shop.orders.cancelled",
        StepDuration = "shop.saga.step.duration",
        ReservationsRefused = "shop.reservations.refused",
        EmailsUndelivered = "shop.email.undelivered";

    /// <summary>Tag of <see cref="Cancelled"/>: the <see cref="CancellationReason"/>.</summary>
    public const string ReasonTag = "reason";

    /// <summary>Tag of <see cref="StepDuration"/>: <c>reserved</c>, <c>paid</c> or <c>confirmed</c>.</summary>
    public const string StepTag = "step";

    // From a few milliseconds in memory to the minutes a 3-D Secure customer may take.
    private static readonly double[] StepBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];

    private readonly Counter<long> placed;
    private readonly Counter<long> confirmed;
    private readonly Counter<long> cancelled;
    private readonly Histogram<double> stepDuration;
    private readonly Counter<long> reservationsRefused;
    private readonly Counter<long> emailsUndelivered;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public SagaMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        placed = meter.CreateCounter<long>(Placed, "{order}", "Orders placed (PENDING written and OrderPlaced emitted).");
        confirmed = meter.CreateCounter<long>(Confirmed, "{order}", "Orders that reached CONFIRMED.");
        cancelled = meter.CreateCounter<long>(Cancelled, "{order}", "Orders that reached CANCELLED, by reason.");
        stepDuration = meter.CreateHistogram(StepDuration, "s", "Time from placement until the saga reached a step: reserved, paid, confirmed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StepBuckets });
        reservationsRefused = meter.CreateCounter<long>(ReservationsRefused, "{order}", "Stock reservations refused because a line was short.");
        emailsUndelivered = meter.CreateCounter<long>(EmailsUndelivered, "{email}", "E-mails given up: refused by the e-mail service, or failed every attempt.");
        placed.Add(0);
        confirmed.Add(0);
        reservationsRefused.Add(0);
        emailsUndelivered.Add(0);
        foreach (var reason in Enum.GetValues<CancellationReason>().Where(r => r != CancellationReason.None))
        {
            cancelled.Add(0, new KeyValuePair<string, object?>(ReasonTag, reason.ToString()));
        }
    }

    /// <summary>An order was placed.</summary>
    public void OrderPlaced() => placed.Add(1);

    /// <summary>
    /// The order grain applied <paramref name="trigger"/> (null for a command or its deadline) and its status went
    /// from <paramref name="before"/> to <paramref name="after"/>'s.
    /// </summary>
    public void OrderChanged(OrderEvent? trigger, OrderStatus before, OrderState after, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(after);
        switch (trigger)
        {
            case StockReserved reserved:
                Step("reserved", after.CreatedAt, reserved.OccurredAt);
                break;
            case PaymentSucceeded paid:
                Step("paid", after.CreatedAt, paid.OccurredAt);
                break;
        }

        if (before == after.Status)
        {
            return;
        }

        if (after.Status == OrderStatus.Confirmed)
        {
            confirmed.Add(1);
            Step("confirmed", after.CreatedAt, now);
        }
        else if (after.Status == OrderStatus.Cancelled)
        {
            cancelled.Add(1, new KeyValuePair<string, object?>(ReasonTag, after.Reason.ToString()));
        }
    }

    /// <summary>A stock reservation was refused.</summary>
    public void ReservationRefused() => reservationsRefused.Add(1);

    /// <summary>An e-mail of <paramref name="template"/> was given up.</summary>
    public void EmailUndelivered(string template) => emailsUndelivered.Add(1, new KeyValuePair<string, object?>("template", template));

    private void Step(string step, DateTimeOffset placedAt, DateTimeOffset reachedAt) =>
        stepDuration.Record(Math.Max(0, (reachedAt - placedAt).TotalSeconds), new KeyValuePair<string, object?>(StepTag, step));
}
