namespace Shop.Orders;

/// <summary>The states of an order (DESIGN.md section 3). CONFIRMED and CANCELLED are terminal.</summary>
public enum OrderStatus
{
    /// <summary>Placed; the stock is being reserved.</summary>
    Pending = 0,

    /// <summary>Every line is held; the payment is being taken.</summary>
    StockReserved = 1,

    /// <summary>The card payment needs the customer (3-D Secure).</summary>
    AwaitingPaymentAction = 2,

    /// <summary>Paid (or cash on delivery accepted) and the stock is sold. Terminal.</summary>
    Confirmed = 3,

    /// <summary>Will not be fulfilled; stock restored and any payment refunded. Terminal.</summary>
    Cancelled = 4,
}
