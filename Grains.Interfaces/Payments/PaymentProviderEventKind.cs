namespace Shop.Payments;

/// <summary>What a payment provider reports about a charge (Stripe webhook events, mapped).</summary>
public enum PaymentProviderEventKind
{
    /// <summary>The money is taken (<c>payment_intent.succeeded</c>).</summary>
    Succeeded = 0,

    /// <summary>The charge failed (<c>payment_intent.payment_failed</c>).</summary>
    Failed = 1,

    /// <summary>Money was given back (<c>charge.refunded</c>).</summary>
    Refunded = 2,
}
