namespace Shop.Grains.Tests.Cluster;

/// <summary>Tests on the cluster that delivers every event twice.</summary>
[CollectionDefinition(Name)]
public sealed class DuplicatingClusterDefinition : ICollectionFixture<DuplicatingClusterFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "duplicating cluster";
}
