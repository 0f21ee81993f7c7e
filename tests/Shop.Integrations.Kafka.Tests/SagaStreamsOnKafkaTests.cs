using Shop.Integrations.Kafka.Tests.Fixtures;
using Shop.Orders;

namespace Shop.Integrations.Kafka.Tests;

/// <summary>Shows the saga really runs over Kafka: its events are in the topic and their offsets get committed.</summary>
[Collection(KafkaShopClusterDefinition.Name)]
public sealed class SagaStreamsOnKafkaTests(KafkaShopClusterFixture fixture)
{
    /// <summary>An order's saga events are written to the saga topic and committed by the service's consumer group.</summary>
    [Fact]
    public async Task Saga_events_are_written_to_the_topic_and_committed_after_delivery()
    {
        var sku = await fixture.Shop.Product(stock: 3);
        var (userId, _) = await fixture.Shop.User();
        var orderId = await fixture.Shop.Checkout(userId, sku, quantity: 1);
        await fixture.Shop.Reaches(orderId, OrderStatus.Confirmed);

        var topic = fixture.TopicPrefix + "saga";
        Assert.True(KafkaInspector.Written(fixture.Kafka.BootstrapServers, topic, 4) >= 4, "the saga events never reached the topic");
        await Eventually.Until(
            () => Task.FromResult(KafkaInspector.Committed(fixture.Kafka.BootstrapServers, "shop-saga", topic, 4) >= 4),
            because: "no offsets were committed for the delivered saga events");
    }
}
