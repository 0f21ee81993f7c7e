namespace Shop.Grains.Catalog;

/// <summary>
/// The persisted state of the catalog projection, a fixed size whatever the catalog holds: only when the index was
/// last rebuilt. Its absence means the catalog storage is new (or was emptied), so the index is rebuilt.
/// </summary>
[GenerateSerializer, Alias("shop.grains.catalog.CatalogProjectionState")]
public sealed class CatalogProjectionState
{
    /// <summary>When the last rebuild finished.</summary>
    [Id(0)] public DateTimeOffset? RebuiltAt { get; set; }

    /// <summary>How many products the last rebuild indexed.</summary>
    [Id(1)] public long RebuiltProducts { get; set; }
}
