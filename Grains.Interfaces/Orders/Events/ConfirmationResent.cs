namespace Shop.Orders.Events;

/// <summary>
/// Shop staff asked for the confirmation e-mail of a confirmed order again. Like OrderConfirmed it carries the order
/// and the recipient, so the e-mail is sent (once per this event) without a call back to the order.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.ConfirmationResent")]
public sealed record ConfirmationResent : OrderEvent
{
    /// <summary>Whom to tell; null when the customer has no profile.</summary>
    [Id(0)] public OrderRecipient? Recipient { get; init; }

    /// <summary>The confirmed order.</summary>
    [Id(1)] public required OrderView Order { get; init; }

    /// <summary>The admin who asked.</summary>
    [Id(2)] public required Guid By { get; init; }
}
