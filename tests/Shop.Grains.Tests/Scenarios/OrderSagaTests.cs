using Shop.Grains.Tests.Cluster;

namespace Shop.Grains.Tests.Scenarios;

/// <summary>The order saga scenarios on memory streams.</summary>
[Collection(StandardClusterDefinition.Name)]
public sealed class OrderSagaTests(ShopClusterFixture fixture) : OrderSagaScenarios(fixture);
