namespace Shop.Payments;

/// <summary>
/// The order a provider's charge reference (a Stripe PaymentIntent id, the grain key) belongs to, so a webhook event
/// that names only the PaymentIntent reaches the payment grain of its order.
/// </summary>
[Alias("shop.payments.IPaymentReferenceGrain")]
public interface IPaymentReferenceGrain : IGrainWithStringKey
{
    /// <summary>Records the order of this reference; repeating it is harmless.</summary>
    [Alias("Link")]
    Task Link(Guid orderId);

    /// <summary>The order of this reference, or null when none was recorded.</summary>
    [Alias("GetOrderId")]
    Task<Guid?> GetOrderId();
}
