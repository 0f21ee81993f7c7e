namespace Shop.Orders.Admin;

/// <summary>Orders that are not final and whose last saga step is older than a threshold.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.admin.StuckOrders")]
public sealed record StuckOrders
{
    /// <summary>The threshold applied: last step before this time.</summary>
    [Id(0)] public required DateTimeOffset LastStepBefore { get; init; }

    /// <summary>How many are stuck, per status.</summary>
    [Id(1)] public required IReadOnlyDictionary<OrderStatus, int> Counts { get; init; }

    /// <summary>The stuck orders, longest waiting first (at most the limit asked for).</summary>
    [Id(2)] public required IReadOnlyList<OrderSummary> Items { get; init; }
}
