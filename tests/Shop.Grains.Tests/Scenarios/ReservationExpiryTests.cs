using Shop.Grains.Tests.Cluster;

namespace Shop.Grains.Tests.Scenarios;

/// <summary>The hold-expiry scenario, on a cluster whose holds last 2 seconds.</summary>
[Collection(ShortHoldClusterDefinition.Name)]
public sealed class ReservationExpiryTests(ShortHoldClusterFixture fixture)
{
    private readonly OrderSagaScenarios scenarios = new(fixture);

    [Fact]
    public Task Expired_reservation_cancels_the_order_and_restores_stock() => scenarios.Expired_reservation_cancels_the_order_and_restores_stock();
}
