namespace Shop.Grains.Payments;

/// <summary>
/// The port to a card payment provider (the built-in <see cref="TestPaymentGateway"/> in development, Stripe in
/// production). Both operations are idempotent by their idempotency key. Provider outages throw; the saga retries.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Charges a card; repeating the same idempotency key returns the first result.</summary>
    Task<ChargeResult> Charge(PaymentCharge request, CancellationToken cancellationToken = default);

    /// <summary>Refunds a charge; repeating the same idempotency key returns the first result.</summary>
    Task<RefundResult> Refund(PaymentRefund request, CancellationToken cancellationToken = default);
}
