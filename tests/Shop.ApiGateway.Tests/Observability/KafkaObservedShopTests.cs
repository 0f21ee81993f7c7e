namespace Shop.ApiGateway.Tests.Observability;

/// <summary>Tests that read the spans of the observed shop on Kafka share it.</summary>
[CollectionDefinition(Name)]
public sealed class KafkaObservedShopTests : ICollectionFixture<KafkaObservedShopFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "observed shop on kafka";
}
