using Shop.Grains.Tests.Cluster;

namespace Shop.Grains.Tests.Scenarios;

/// <summary>The order saga scenarios when every event is delivered twice: same outcomes, one charge, consistent stock, one e-mail.</summary>
[Collection(DuplicatingClusterDefinition.Name)]
public sealed class DuplicateDeliveryTests(DuplicatingClusterFixture fixture) : OrderSagaScenarios(fixture);
