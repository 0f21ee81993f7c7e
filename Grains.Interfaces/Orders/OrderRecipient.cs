namespace Shop.Orders;

/// <summary>Who is told about an order: the customer's name and e-mail address, as they were when the order was placed.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.OrderRecipient")]
public sealed record OrderRecipient
{
    /// <summary>The customer's display name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>The customer's e-mail address.</summary>
    [Id(1)] public required string Email { get; init; }
}
