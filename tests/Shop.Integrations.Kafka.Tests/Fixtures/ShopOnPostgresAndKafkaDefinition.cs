using Shop.Integration.Tests.Fixtures;

namespace Shop.Integrations.Kafka.Tests.Fixtures;

/// <summary>
/// Tests that run whole shop clusters with state and reminders on PostgreSQL (the integration tests' throwaway server
/// and the project's migration) and the saga on a mock Kafka cluster.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ShopOnPostgresAndKafkaDefinition : ICollectionFixture<PostgresServer>, ICollectionFixture<MockKafkaServer>
{
    /// <summary>Collection name.</summary>
    public const string Name = "shop on PostgreSQL and Kafka";
}
