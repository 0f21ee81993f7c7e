using Shop.Common;

namespace Shop.Payments;

/// <summary>
/// An event a payment provider sent about the charge of one order (a verified Stripe webhook event). The provider may
/// send an event more than once and in any order; the payment grain handles each <see cref="EventId"/> once.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.payments.PaymentProviderEvent")]
public sealed record PaymentProviderEvent
{
    /// <summary>The provider's event id (e.g. <c>evt_...</c>), the key of deduplication.</summary>
    [Id(0)] public required string EventId { get; init; }

    /// <summary>What happened.</summary>
    [Id(1)] public required PaymentProviderEventKind Kind { get; init; }

    /// <summary>The provider's reference of the charge (the PaymentIntent id).</summary>
    [Id(2)] public required string ProviderReference { get; init; }

    /// <summary>The amount taken (Succeeded) or refunded in total (Refunded), when the event carries it.</summary>
    [Id(3)] public Money? Amount { get; init; }

    /// <summary>Why the charge failed (Failed), e.g. <c>card_declined</c>.</summary>
    [Id(4)] public string? FailureReason { get; init; }
}
