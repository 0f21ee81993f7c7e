namespace Shop.Integration.Tests.Fixtures;

/// <summary>The tests that share the one PostgreSQL server and the one Redis server of a test run.</summary>
[CollectionDefinition(Name)]
public sealed class ServersFixtures : ICollectionFixture<PostgresServer>, ICollectionFixture<RedisServer>
{
    /// <summary>The collection name.</summary>
    public const string Name = "PostgreSQL and Redis servers";
}
