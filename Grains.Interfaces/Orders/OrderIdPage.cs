namespace Shop.Orders;

/// <summary>A page of a customer's order ids.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.OrderIdPage")]
public sealed record OrderIdPage([property: Id(0)] IReadOnlyList<Guid> OrderIds, [property: Id(1)] int Total);
