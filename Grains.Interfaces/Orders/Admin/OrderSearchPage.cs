namespace Shop.Orders.Admin;

/// <summary>One page of the shop's order list.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.admin.OrderSearchPage")]
public sealed record OrderSearchPage
{
    /// <summary>The orders of the page.</summary>
    [Id(0)] public required IReadOnlyList<OrderSummary> Items { get; init; }

    /// <summary>How many orders match every filter.</summary>
    [Id(1)] public required int Total { get; init; }

    /// <summary>How many orders match every filter but the status, per status (statuses without orders left out).</summary>
    [Id(2)] public required IReadOnlyDictionary<OrderStatus, int> StatusCounts { get; init; }
}
