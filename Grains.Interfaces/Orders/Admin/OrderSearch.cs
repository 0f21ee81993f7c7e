using Shop.Payments;

namespace Shop.Orders.Admin;

/// <summary>The filters, sort and page of the shop's order list. Every filter is optional; they combine with AND.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.admin.OrderSearch")]
public sealed record OrderSearch
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>How deep offset paging goes (page times page size); narrow the filters to see older orders.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>Only orders in this status.</summary>
    [Id(0)] public OrderStatus? Status { get; init; }

    /// <summary>Placed at or after.</summary>
    [Id(1)] public DateTimeOffset? PlacedFrom { get; init; }

    /// <summary>Placed before.</summary>
    [Id(2)] public DateTimeOffset? PlacedTo { get; init; }

    /// <summary>The customer's e-mail (exact, case-insensitive).</summary>
    [Id(3)] public string? CustomerEmail { get; init; }

    /// <summary>Orders holding this SKU.</summary>
    [Id(4)] public string? Sku { get; init; }

    /// <summary>Only orders paid this way.</summary>
    [Id(5)] public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>Total at least (minor units).</summary>
    [Id(6)] public long? MinTotalMinor { get; init; }

    /// <summary>Total at most (minor units).</summary>
    [Id(7)] public long? MaxTotalMinor { get; init; }

    /// <summary>Only this customer's orders.</summary>
    [Id(8)] public Guid? UserId { get; init; }

    /// <summary>The order of the list.</summary>
    [Id(9)] public OrderSort Sort { get; init; }

    /// <summary>1-based page.</summary>
    [Id(10)] public int Page { get; init; } = 1;

    /// <summary>Orders per page.</summary>
    [Id(11)] public int PageSize { get; init; } = 20;
}
