using Shop.Common;
using Shop.Orders;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Grains.Orders;

/// <summary>The persisted state of an order.</summary>
[GenerateSerializer, Alias("shop.grains.orders.OrderState")]
public sealed class OrderState
{
    /// <summary>Whether the order was placed (the grain holds an order).</summary>
    [Id(0)] public bool Placed { get; set; }

    /// <summary>The order id.</summary>
    [Id(1)] public Guid OrderId { get; set; }

    /// <summary>The customer.</summary>
    [Id(2)] public Guid UserId { get; set; }

    /// <summary>Where the order stands.</summary>
    [Id(3)] public OrderStatus Status { get; set; }

    /// <summary>Why it was cancelled.</summary>
    [Id(4)] public CancellationReason Reason { get; set; }

    /// <summary>The lines.</summary>
    [Id(5)] public List<OrderLine> Lines { get; set; } = [];

    /// <summary>The sum of the lines.</summary>
    [Id(6)] public Money Total { get; set; }

    /// <summary>How the order is paid.</summary>
    [Id(7)] public PaymentMethod PaymentMethod { get; set; }

    /// <summary>The card token, kept only until the placement hands it to the order's payment (never in an event).</summary>
    [Id(8)] public string? PaymentToken { get; set; }

    /// <summary>The payment as the saga events told it.</summary>
    [Id(9)] public PaymentView? Payment { get; set; }

    /// <summary>Where it is delivered.</summary>
    [Id(10)] public ShippingAddress? ShippingAddress { get; set; }

    /// <summary>When it was placed.</summary>
    [Id(11)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it last changed.</summary>
    [Id(12)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The cart the order was made from.</summary>
    [Id(13)] public string CartId { get; set; } = "";

    /// <summary>Whether the placement finished (cart cleared, history and deadline recorded, OrderPlaced queued).</summary>
    [Id(14)] public bool PlacementCompleted { get; set; }

    /// <summary>Handled events and events to publish.</summary>
    [Id(15)] public SagaOutbox Saga { get; set; } = new();

    /// <summary>Whom the order's e-mails go to, read from the customer's profile at placement; null without a profile.</summary>
    [Id(16)] public OrderRecipient? Recipient { get; set; }

    /// <summary>The units shop staff refunded so far, per SKU.</summary>
    [Id(17)] public List<RefundLine> RefundedLines { get; set; } = [];

    /// <summary>The idempotency keys of the staff actions done (refund ids, resend request ids).</summary>
    [Id(18)] public HashSet<string> AdminRequests { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The OrderConfirmed or OrderCancelled this order emitted (stamped), published again when a participant shows it
    /// missed it; null before the order is terminal (and for orders that finished before this was recorded).
    /// </summary>
    [Id(19)] public OrderEvent? Outcome { get; set; }

    /// <summary>Whether the order reached CONFIRMED or CANCELLED.</summary>
    public bool IsTerminal => Status is OrderStatus.Confirmed or OrderStatus.Cancelled;

    /// <summary>The order as its customer sees it.</summary>
    public OrderView ToView() => new()
    {
        OrderId = OrderId,
        UserId = UserId,
        Status = Status,
        Reason = Reason,
        Lines = [.. Lines],
        Total = Total,
        PaymentMethod = PaymentMethod,
        Payment = Payment,
        ShippingAddress = ShippingAddress!,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        RefundedLines = [.. RefundedLines],
    };
}
