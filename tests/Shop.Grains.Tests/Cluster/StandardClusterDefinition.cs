namespace Shop.Grains.Tests.Cluster;

/// <summary>Tests on the shared standard cluster.</summary>
[CollectionDefinition(Name)]
public sealed class StandardClusterDefinition : ICollectionFixture<ShopClusterFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "cluster";
}
