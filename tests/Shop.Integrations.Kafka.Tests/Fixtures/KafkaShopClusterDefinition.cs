namespace Shop.Integrations.Kafka.Tests.Fixtures;

/// <summary>Tests on the shop cluster whose saga streams run over Kafka.</summary>
[CollectionDefinition(Name)]
public sealed class KafkaShopClusterDefinition : ICollectionFixture<KafkaShopClusterFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "kafka shop cluster";
}
