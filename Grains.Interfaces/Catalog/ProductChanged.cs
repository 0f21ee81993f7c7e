namespace Shop.Catalog;

/// <summary>A product was created, changed or deleted; published on the catalog stream after the product's state is written.</summary>
[GenerateSerializer, Immutable, Alias("shop.catalog.ProductChanged")]
public sealed record ProductChanged
{
    /// <summary>Unique id of this event, for de-duplication.</summary>
    [Id(0)] public required Guid EventId { get; init; }

    /// <summary>The product as it is now (its last state when <see cref="Deleted"/>).</summary>
    [Id(1)] public required ProductDetails Product { get; init; }

    /// <summary>When the change happened.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// The product was deleted: <see cref="Product"/> is its last state with the version of the deletion, so an older
    /// change arriving later cannot bring it back.
    /// </summary>
    [Id(3)] public bool Deleted { get; init; }
}
