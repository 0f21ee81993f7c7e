namespace Shop.Integrations.Kafka.Tests.Fixtures;

/// <summary>Tests on the probe cluster.</summary>
[CollectionDefinition(Name)]
public sealed class ProbeClusterDefinition : ICollectionFixture<ProbeClusterFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "kafka probe cluster";
}
