using Shop.Common;
using Shop.Payments;

namespace Shop.Orders.Events;

/// <summary>
/// An order was persisted PENDING; the stock reservation starts. It never carries the card token: the order hands the
/// token to its payment grain before this event is emitted (id 4 was the token; never reuse it).
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.OrderPlaced")]
public sealed record OrderPlaced : OrderEvent
{
    /// <summary>The customer.</summary>
    [Id(0)] public required Guid UserId { get; init; }

    /// <summary>The lines to reserve.</summary>
    [Id(1)] public required IReadOnlyList<OrderLine> Lines { get; init; }

    /// <summary>The amount to charge.</summary>
    [Id(2)] public required Money Total { get; init; }

    /// <summary>How the order is paid.</summary>
    [Id(3)] public required PaymentMethod PaymentMethod { get; init; }

    /// <summary>The customer's name and e-mail at placement (what the shop's order list searches); null without a profile.</summary>
    [Id(5)] public OrderRecipient? Recipient { get; init; }
}
