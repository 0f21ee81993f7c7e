namespace Shop.Integration.Tests.Scenarios;

/// <summary>Scenario tests on the PostgreSQL + Redis cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresRedisClusterDefinition : ICollectionFixture<PostgresRedisClusterFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "saga on PostgreSQL and Redis";
}
