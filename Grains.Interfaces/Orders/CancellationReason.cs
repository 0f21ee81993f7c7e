namespace Shop.Orders;

/// <summary>Why an order was cancelled.</summary>
public enum CancellationReason
{
    /// <summary>Not cancelled.</summary>
    None = 0,

    /// <summary>A line could not be reserved.</summary>
    OutOfStock = 1,

    /// <summary>The card was declined.</summary>
    PaymentDeclined = 2,

    /// <summary>The customer cancelled before the order was confirmed.</summary>
    CancelledByCustomer = 3,

    /// <summary>The stock hold ran out before the payment completed.</summary>
    ReservationExpired = 4,

    /// <summary>The order did not reach a terminal state before its deadline.</summary>
    TimedOut = 5,

    /// <summary>Shop staff cancelled it before it was confirmed.</summary>
    CancelledByShop = 6,
}
