namespace Shop.Payments;

/// <summary>
/// The payment of one order (key = order id). An implicit subscriber of the order stream: it charges when stock is
/// reserved, refunds when an order that was paid cannot complete. The order id is the provider's idempotency key.
/// </summary>
[Alias("shop.payments.IPaymentGrain")]
public interface IPaymentGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Opens the payment of a placed order: the order calls it before it emits OrderPlaced, so the card token reaches
    /// the payment without travelling in an event. The first opening wins; repeating it changes nothing.
    /// </summary>
    [Alias("Open")]
    Task Open(PaymentOpening opening);

    /// <summary>The payment, or null when none was started for this order.</summary>
    [Alias("GetPayment")]
    Task<PaymentView?> GetPayment();

    /// <summary>
    /// Applies a verified provider event (a Stripe webhook) to this payment: each event id is handled once, and an event
    /// that no longer applies (a failure after a success, a success of an order that cannot complete, which is then
    /// refunded) changes nothing else. Returns whether the payment changed.
    /// </summary>
    [Alias("HandleProviderEvent")]
    Task<bool> HandleProviderEvent(PaymentProviderEvent providerEvent);

    /// <summary>
    /// Gives back <paramref name="amount"/> of a taken card payment through the provider, with the idempotency key
    /// <c>refund-{orderId}-{refundId}</c>: repeating a refund id gives nothing back twice and answers the same. More
    /// than is still taken: 422 <c>refund.exceeds_paid</c>; no taken card payment: 422 <c>refund.not_card</c>; the
    /// provider refuses: 422 <c>refund.refused</c>.
    /// </summary>
    [Alias("RefundPart")]
    Task<PaymentView> RefundPart(string refundId, Common.Money amount);
}
