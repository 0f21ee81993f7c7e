using Shop.Common;

namespace Shop.Payments;

/// <summary>The payment of one order as the customer and the gateway see it.</summary>
[GenerateSerializer, Immutable, Alias("shop.payments.PaymentView")]
public sealed record PaymentView
{
    /// <summary>How the order is paid.</summary>
    [Id(0)] public required PaymentMethod Method { get; init; }

    /// <summary>Where the payment stands.</summary>
    [Id(1)] public required PaymentStatus Status { get; init; }

    /// <summary>The amount charged or to collect.</summary>
    [Id(2)] public Money? Amount { get; init; }

    /// <summary>The payment provider's reference (e.g. a PaymentIntent id).</summary>
    [Id(3)] public string? ProviderReference { get; init; }

    /// <summary>Why the charge failed, when it did.</summary>
    [Id(4)] public string? FailureReason { get; init; }

    /// <summary>Secret the storefront needs to finish a charge that requires customer action.</summary>
    [Id(5)] public string? ClientSecret { get; init; }

    /// <summary>How much was refunded.</summary>
    [Id(6)] public Money? Refunded { get; init; }
}
