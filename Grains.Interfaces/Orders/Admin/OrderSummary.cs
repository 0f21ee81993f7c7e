using Shop.Common;
using Shop.Payments;

namespace Shop.Orders.Admin;

/// <summary>One order as the shop's order list shows it: a row of the order read model, folded from the saga events.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.admin.OrderSummary")]
public sealed record OrderSummary
{
    /// <summary>The order id.</summary>
    [Id(0)] public required Guid OrderId { get; init; }

    /// <summary>The customer.</summary>
    [Id(1)] public required Guid UserId { get; init; }

    /// <summary>The customer's e-mail at placement (lower case); empty when unknown.</summary>
    [Id(2)] public required string CustomerEmail { get; init; }

    /// <summary>Where the order stands.</summary>
    [Id(3)] public required OrderStatus Status { get; init; }

    /// <summary>Why it was cancelled, when it was.</summary>
    [Id(4)] public CancellationReason Reason { get; init; }

    /// <summary>How it is paid.</summary>
    [Id(5)] public required PaymentMethod PaymentMethod { get; init; }

    /// <summary>Where its payment stands.</summary>
    [Id(6)] public required PaymentStatus PaymentStatus { get; init; }

    /// <summary>The order total.</summary>
    [Id(7)] public required Money Total { get; init; }

    /// <summary>Everything refunded so far, when anything was.</summary>
    [Id(8)] public Money? Refunded { get; init; }

    /// <summary>The SKUs of its lines.</summary>
    [Id(9)] public required IReadOnlyList<string> Skus { get; init; }

    /// <summary>When it was placed.</summary>
    [Id(10)] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its last saga step happened.</summary>
    [Id(11)] public required DateTimeOffset LastStepAt { get; init; }

    /// <summary>The kind of its last saga step (see <see cref="OrderTimelineEntry.Kind"/>).</summary>
    [Id(12)] public required string LastStep { get; init; }
}
