namespace Shop.Integration.Tests.Scenarios;

/// <summary>Hold-expiry scenario tests on the PostgreSQL + Redis cluster with short holds.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresRedisShortHoldDefinition : ICollectionFixture<PostgresRedisShortHoldClusterFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "hold expiry on PostgreSQL and Redis";
}
