namespace Shop.Grains.Tests.Cluster;

/// <summary>Tests on the cluster whose catalog storage writes are measured.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogClusterDefinition : ICollectionFixture<CatalogClusterFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "catalog-cluster";
}
