using Shop.Common;

namespace Shop.Orders.Events;

/// <summary>
/// Shop staff refunded (part of) a confirmed order through the payment provider. The stock reservation puts the
/// refunded units back on hand when <see cref="Restock"/> is set. The order stays CONFIRMED.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.OrderRefunded")]
public sealed record OrderRefunded : OrderEvent
{
    /// <summary>The admin's idempotency key of this refund (also part of the provider's idempotency key).</summary>
    [Id(0)] public required string RefundId { get; init; }

    /// <summary>The amount given back by this refund.</summary>
    [Id(1)] public required Money Amount { get; init; }

    /// <summary>The units refunded by this refund.</summary>
    [Id(2)] public required IReadOnlyList<RefundLine> Lines { get; init; }

    /// <summary>Whether the refunded units go back on hand.</summary>
    [Id(3)] public required bool Restock { get; init; }

    /// <summary>Everything refunded on this order so far, this refund included.</summary>
    [Id(4)] public required Money RefundedTotal { get; init; }

    /// <summary>The admin who refunded.</summary>
    [Id(5)] public required Guid By { get; init; }
}
