using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Shop.Common;
using Shop.Orders;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Benchmarks.Micro;

/// <summary>Orleans' serializer on the saga's largest event (OrderPlaced with three lines), as the streams carry it.</summary>
[MemoryDiagnoser]
public class SagaEventSerializationBenchmarks
{
    private Serializer<OrderEvent> serializer = null!;
    private ServiceProvider services = null!;
    private OrderEvent placed = null!;
    private byte[] bytes = [];

    /// <summary>Builds the serializer and the event.</summary>
    [GlobalSetup]
    public void Setup()
    {
        services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(OrderPlaced).Assembly)).BuildServiceProvider();
        serializer = services.GetRequiredService<Serializer<OrderEvent>>();
        var orderId = Guid.NewGuid();
        placed = new OrderPlaced
        {
            EventId = Guid.NewGuid(),
            OrderId = orderId,
            OccurredAt = DateTimeOffset.UtcNow,
            UserId = Guid.NewGuid(),
            Lines = [.. Enumerable.Range(1, 3).Select(i => new OrderLine { Sku = $"SKU-{i}", Name = $"Product {i}", Quantity = i, UnitPrice = new Money(1_000 * i, "EUR") })],
            Total = new Money(14_000, "EUR"),
            PaymentMethod = PaymentMethod.Card,
        };
        bytes = serializer.SerializeToArray(placed);
    }

    /// <summary>Releases the serializer's services.</summary>
    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    /// <summary>Event to bytes.</summary>
    [Benchmark]
    public byte[] Serialize() => serializer.SerializeToArray(placed);

    /// <summary>Bytes to event.</summary>
    [Benchmark]
    public OrderEvent? Deserialize() => serializer.Deserialize(bytes);
}
