namespace Shop.Payments;

/// <summary>Where the payment of one order stands.</summary>
public enum PaymentStatus
{
    /// <summary>No payment attempted yet.</summary>
    NotStarted = 0,

    /// <summary>The charge needs the customer (e.g. 3-D Secure); the client secret lets the storefront finish it.</summary>
    RequiresAction = 1,

    /// <summary>The money is taken.</summary>
    Succeeded = 2,

    /// <summary>The charge was refused.</summary>
    Failed = 3,

    /// <summary>Cash on delivery: nothing charged, the courier collects.</summary>
    CashOnDeliveryAccepted = 4,

    /// <summary>The money was given back.</summary>
    Refunded = 5,

    /// <summary>The order was cancelled before any charge; none will be made.</summary>
    Voided = 6,

    /// <summary>The order was cancelled after the money was taken and the provider refused the refund so far; it is retried.</summary>
    RefundPending = 7,

    /// <summary>Shop staff gave back part of a taken payment; the rest stays taken.</summary>
    PartiallyRefunded = 8,

    /// <summary>Cash on delivery: the courier collected the amount.</summary>
    CashCollected = 9,
}
