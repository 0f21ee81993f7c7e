using Shop.Orders;

namespace Shop.ApiGateway.Orders;

/// <summary>
/// The API names of cancellation reasons: out_of_stock, payment_declined, cancelled_by_customer,
/// reservation_expired, timed_out, cancelled_by_shop; empty when the order is not cancelled.
/// </summary>
public static class CancellationReasonNames
{
    /// <summary>The API name of a reason.</summary>
    public static string Name(CancellationReason reason) => reason switch
    {
        CancellationReason.None => "",
        CancellationReason.OutOfStock => "out_of_stock",
        CancellationReason.PaymentDeclined => "payment_declined",
        CancellationReason.CancelledByCustomer => "cancelled_by_customer",
        CancellationReason.ReservationExpired => "reservation_expired",
        CancellationReason.TimedOut => "timed_out",
        CancellationReason.CancelledByShop => "cancelled_by_shop",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown cancellation reason."),
    };
}
