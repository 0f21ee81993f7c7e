using Shop.Grains.Tests.Cluster;

namespace Shop.Grains.Tests.Scenarios;

/// <summary>The hold-expiry scenario, on a cluster whose holds last 2 seconds.</summary>
[Collection(ShortHoldClusterDefinition.Name)]
public sealed class ReservationExpiryTests(ShortHoldClusterFixture fixture) : ReservationExpiryScenarios(fixture);
