using Shop.Payments;

namespace Shop.ApiGateway.Orders;

/// <summary>
/// The API names of payment statuses: NOT_STARTED, REQUIRES_ACTION, SUCCEEDED, FAILED, CASH_ON_DELIVERY_ACCEPTED,
/// REFUNDED, VOIDED, REFUND_PENDING (the provider refused the refund so far; it is retried), PARTIALLY_REFUNDED (shop staff gave back part),
/// CASH_COLLECTED (a cash-on-delivery order paid on delivery).
/// </summary>
public static class PaymentStatusNames
{
    /// <summary>The API name of a payment status.</summary>
    public static string Name(PaymentStatus status) => status switch
    {
        PaymentStatus.NotStarted => "NOT_STARTED",
        PaymentStatus.RequiresAction => "REQUIRES_ACTION",
        PaymentStatus.Succeeded => "SUCCEEDED",
        PaymentStatus.Failed => "FAILED",
        PaymentStatus.CashOnDeliveryAccepted => "CASH_ON_DELIVERY_ACCEPTED",
        PaymentStatus.Refunded => "REFUNDED",
        PaymentStatus.Voided => "VOIDED",
        PaymentStatus.RefundPending => "REFUND_PENDING",
        PaymentStatus.PartiallyRefunded => "PARTIALLY_REFUNDED",
        PaymentStatus.CashCollected => "CASH_COLLECTED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown payment status."),
    };
}
