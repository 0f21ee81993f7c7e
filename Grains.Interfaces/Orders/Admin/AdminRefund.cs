namespace Shop.Orders.Admin;

/// <summary>Shop staff's refund of a confirmed order: in full (no lines) or per line.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.admin.AdminRefund")]
public sealed record AdminRefund
{
    /// <summary>The idempotency key: a retry with the same key refunds nothing more and answers the same order.</summary>
    [Id(0)] public required string RefundId { get; init; }

    /// <summary>The admin who refunds.</summary>
    [Id(1)] public required Guid AdminId { get; init; }

    /// <summary>The units to refund; empty refunds everything not refunded yet.</summary>
    [Id(2)] public IReadOnlyList<RefundLine> Lines { get; init; } = [];

    /// <summary>Whether the refunded units go back on hand.</summary>
    [Id(3)] public bool Restock { get; init; }
}
