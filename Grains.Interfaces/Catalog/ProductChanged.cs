namespace Shop.Catalog;

/// <summary>A product was created or changed; published on the catalog stream after the product's state is written.</summary>
[GenerateSerializer, Immutable, Alias("shop.catalog.ProductChanged")]
public sealed record ProductChanged
{
    /// <summary>Unique id of this event, for de-duplication.</summary>
    [Id(0)] public required Guid EventId { get; init; }

    /// <summary>The product as it is now.</summary>
    [Id(1)] public required ProductDetails Product { get; init; }

    /// <summary>When the change happened.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }
}
