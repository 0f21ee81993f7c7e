namespace Shop.Orders.Admin;

/// <summary>One order for shop staff: its summary and its saga step by step.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.admin.OrderDetail")]
public sealed record OrderDetail
{
    /// <summary>The order's row of the read model.</summary>
    [Id(0)] public required OrderSummary Summary { get; init; }

    /// <summary>Its saga events (and e-mails), oldest first.</summary>
    [Id(1)] public required IReadOnlyList<OrderTimelineEntry> Timeline { get; init; }
}
