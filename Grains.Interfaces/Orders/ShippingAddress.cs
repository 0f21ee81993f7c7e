namespace Shop.Orders;

/// <summary>Where an order is delivered.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.ShippingAddress")]
public sealed record ShippingAddress
{
    /// <summary>Recipient's name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Street and number.</summary>
    [Id(1)] public required string Line1 { get; init; }

    /// <summary>Optional second line.</summary>
    [Id(2)] public string? Line2 { get; init; }

    /// <summary>City.</summary>
    [Id(3)] public required string City { get; init; }

    /// <summary>Postal code.</summary>
    [Id(4)] public required string PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    [Id(5)] public required string Country { get; init; }
}
