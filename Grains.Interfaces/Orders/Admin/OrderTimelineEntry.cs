namespace Shop.Orders.Admin;

/// <summary>One step of an order's saga as the shop's order page shows it.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.admin.OrderTimelineEntry")]
public sealed record OrderTimelineEntry
{
    /// <summary>The event id (or, for an e-mail, the id of the event it answered).</summary>
    [Id(0)] public required Guid EventId { get; init; }

    /// <summary>
    /// What happened: <c>order_placed</c>, <c>stock_reserved</c>, <c>stock_reservation_failed</c>,
    /// <c>reservation_expired</c>, <c>payment_action_required</c>, <c>payment_succeeded</c>, <c>payment_failed</c>,
    /// <c>order_confirmed</c>, <c>order_cancelled</c>, <c>payment_voided</c>, <c>payment_refunded</c>,
    /// <c>refund_pending</c>, <c>order_refunded</c>, <c>cash_collected</c>, <c>confirmation_resent</c>, <c>email_sent</c>.
    /// </summary>
    [Id(1)] public required string Kind { get; init; }

    /// <summary>When it happened.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Time since the previous entry (zero for the first).</summary>
    [Id(3)] public TimeSpan SincePrevious { get; init; }

    /// <summary>A short human-readable account (amounts, reasons, SKUs, the e-mail's subject).</summary>
    [Id(4)] public required string Detail { get; init; }

    /// <summary>The admin who caused it, for staff actions.</summary>
    [Id(5)] public Guid? By { get; init; }
}
