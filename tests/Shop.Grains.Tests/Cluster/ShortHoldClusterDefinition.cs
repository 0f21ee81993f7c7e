namespace Shop.Grains.Tests.Cluster;

/// <summary>Tests on the cluster with short stock holds.</summary>
[CollectionDefinition(Name)]
public sealed class ShortHoldClusterDefinition : ICollectionFixture<ShortHoldClusterFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "short-hold cluster";
}
