using Shop.Grains.Tests.Scenarios;
using Shop.Integrations.Kafka.Tests.Fixtures;

namespace Shop.Integrations.Kafka.Tests;

/// <summary>The order saga scenarios, unchanged, on two silos whose saga streams run over Kafka.</summary>
[Collection(KafkaShopClusterDefinition.Name)]
public sealed class OrderSagaOnKafkaTests(KafkaShopClusterFixture fixture) : OrderSagaScenarios(fixture);
