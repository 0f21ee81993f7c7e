using Shop.Common;
using Shop.Payments;

namespace Shop.Orders;

/// <summary>An order as its customer sees it.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.OrderView")]
public sealed record OrderView
{
    /// <summary>The order id.</summary>
    [Id(0)] public required Guid OrderId { get; init; }

    /// <summary>The customer.</summary>
    [Id(1)] public required Guid UserId { get; init; }

    /// <summary>Where the order stands.</summary>
    [Id(2)] public required OrderStatus Status { get; init; }

    /// <summary>Why it was cancelled, when it was.</summary>
    [Id(3)] public CancellationReason Reason { get; init; }

    /// <summary>The lines.</summary>
    [Id(4)] public required IReadOnlyList<OrderLine> Lines { get; init; }

    /// <summary>The sum of the lines.</summary>
    [Id(5)] public required Money Total { get; init; }

    /// <summary>How the order is paid.</summary>
    [Id(6)] public required PaymentMethod PaymentMethod { get; init; }

    /// <summary>The payment as far as the order knows it (client secret when customer action is needed).</summary>
    [Id(7)] public PaymentView? Payment { get; init; }

    /// <summary>Where it is delivered.</summary>
    [Id(8)] public required ShippingAddress ShippingAddress { get; init; }

    /// <summary>When it was placed.</summary>
    [Id(9)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    [Id(10)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The units shop staff refunded so far, per SKU.</summary>
    [Id(11)] public IReadOnlyList<RefundLine> RefundedLines { get; init; } = [];
}
