namespace Shop.Grains.Orders;

/// <summary>The persisted state of a customer's order history.</summary>
[GenerateSerializer, Alias("shop.grains.orders.OrderHistoryState")]
public sealed class OrderHistoryState
{
    /// <summary>Order id to the time it was placed.</summary>
    [Id(0)] public Dictionary<Guid, DateTimeOffset> Orders { get; set; } = [];
}
