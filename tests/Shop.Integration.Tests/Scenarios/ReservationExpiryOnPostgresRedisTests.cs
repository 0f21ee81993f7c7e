using Shop.Grains.Tests.Scenarios;

namespace Shop.Integration.Tests.Scenarios;

/// <summary>The hold-expiry scenario, unchanged, with its reminder in PostgreSQL.</summary>
[Collection(PostgresRedisShortHoldDefinition.Name)]
public sealed class ReservationExpiryOnPostgresRedisTests(PostgresRedisShortHoldClusterFixture fixture) : ReservationExpiryScenarios(fixture);
