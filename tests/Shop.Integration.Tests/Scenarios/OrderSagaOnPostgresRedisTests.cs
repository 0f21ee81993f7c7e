using Shop.Grains.Tests.Scenarios;

namespace Shop.Integration.Tests.Scenarios;

/// <summary>The walking shop's order saga scenarios, unchanged, on PostgreSQL storage and reminders and Redis carts.</summary>
[Collection(PostgresRedisClusterDefinition.Name)]
public sealed class OrderSagaOnPostgresRedisTests(PostgresRedisClusterFixture fixture) : OrderSagaScenarios(fixture);
