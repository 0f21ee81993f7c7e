namespace Shop.Faults.Tests.Cluster;

/// <summary>
/// The fault scenarios share one PostgreSQL and one Redis server and run one after another: some of them stop a server.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultServers : ICollectionFixture<PostgresServer>, ICollectionFixture<RedisServer>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Fault scenarios on PostgreSQL and Redis";
}
