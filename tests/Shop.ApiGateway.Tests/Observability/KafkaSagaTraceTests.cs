using System.Diagnostics;
using Confluent.Kafka;
using Shop.Integrations.Kafka;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>One checkout is one trace across the saga on Kafka, and every saga message carries its traceparent.</summary>
[Collection(KafkaObservedShopTests.Name)]
public sealed class KafkaSagaTraceTests(KafkaObservedShopFixture observed)
{
    [Fact]
    public async Task A_checkout_on_Kafka_is_one_trace_from_the_request_through_every_saga_step()
    {
        var trace = await CheckoutTrace.RunAsync(observed.Shop, observed.App.Spans);

        CheckoutTraceAssertions.AssertSagaTree(trace);
        var producers = trace.Spans.Where(s => s.Kind == ActivityKind.Producer).Select(s => s.SpanId).ToHashSet();
        var carried = ReadTraceHeaders().Where(c => c.TraceId == trace.Spans[0].TraceId).ToList();
        Assert.NotEmpty(carried);
        // Each message's traceparent names the producer span that wrote it.
        Assert.All(carried, context => Assert.Contains(context.SpanId, producers));
    }

    // Reads every message written so far (up to each partition's high watermark) and keeps their trace contexts.
    private List<ActivityContext> ReadTraceHeaders()
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = observed.BootstrapServers,
            GroupId = "trace-reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        }).Build();
        var partitions = Enumerable.Range(0, KafkaObservedShopFixture.Partitions)
            .Select(p => new TopicPartition(KafkaObservedShopFixture.SagaTopic, p))
            .ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(partitions.Where(p => p.Value > 0).Select(p => new TopicPartitionOffset(p.Key, Offset.Beginning)));
        var remaining = partitions.Values.Sum();
        var contexts = new List<ActivityContext>();
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (remaining > 0)
        {
            var result = consumer.Consume(deadline.Token);
            remaining--;
            if (KafkaTraceHeaders.Read(result.Message.Headers) is { } context)
            {
                contexts.Add(context);
            }
        }

        return contexts;
    }
}
