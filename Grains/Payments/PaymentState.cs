using Shop.Common;
using Shop.Grains.Orders;
using Shop.Payments;

namespace Shop.Grains.Payments;

/// <summary>The persisted state of the payment of one order.</summary>
[GenerateSerializer, Alias("shop.grains.payments.PaymentState")]
public sealed class PaymentState
{
    /// <summary>Whether OrderPlaced was seen (method, amount and customer are known).</summary>
    [Id(0)] public bool Known { get; set; }

    /// <summary>The customer.</summary>
    [Id(1)] public Guid UserId { get; set; }

    /// <summary>How the order is paid.</summary>
    [Id(2)] public PaymentMethod Method { get; set; }

    /// <summary>The card token (card payments only), held until the charge is made and then cleared.</summary>
    [Id(3)] public string? Token { get; set; }

    /// <summary>The amount to charge or collect.</summary>
    [Id(4)] public Money? Amount { get; set; }

    /// <summary>Where the payment stands.</summary>
    [Id(5)] public PaymentStatus Status { get; set; }

    /// <summary>The provider's reference of the charge.</summary>
    [Id(6)] public string? ProviderReference { get; set; }

    /// <summary>The client secret of a charge that requires action.</summary>
    [Id(7)] public string? ClientSecret { get; set; }

    /// <summary>Why the charge failed.</summary>
    [Id(8)] public string? FailureReason { get; set; }

    /// <summary>How much was refunded.</summary>
    [Id(9)] public Money? Refunded { get; set; }

    /// <summary>Handled events and events to publish.</summary>
    [Id(10)] public SagaOutbox Saga { get; set; } = new();

    /// <summary>Ids of the provider (webhook) events already handled.</summary>
    [Id(11)] public HashSet<string> ProviderEvents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Refund attempts the provider refused so far.</summary>
    [Id(12)] public int RefundAttempts { get; set; }

    /// <summary>When a pending refund is tried next.</summary>
    [Id(13)] public DateTimeOffset? NextRefundAt { get; set; }

    /// <summary>The staff refunds made, by refund id, so a retried refund id gives nothing back twice.</summary>
    [Id(14)] public Dictionary<string, Money> PartialRefunds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The payment as the contracts show it.</summary>
    public PaymentView ToView() => new()
    {
        Method = Method,
        Status = Status,
        Amount = Amount,
        ProviderReference = ProviderReference,
        FailureReason = FailureReason,
        ClientSecret = Status == PaymentStatus.RequiresAction ? ClientSecret : null,
        Refunded = Refunded,
    };
}
