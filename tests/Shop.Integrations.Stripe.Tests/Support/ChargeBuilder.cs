using Shop.Common;
using Shop.Grains.Payments;

namespace Shop.Integrations.Stripe.Tests.Support;

/// <summary>Builds charge requests for one order.</summary>
public sealed class ChargeBuilder
{
    private readonly Guid orderId = Guid.NewGuid();
    private string paymentMethod = "pm_card_visa";
    private Money amount = new(1999, "EUR");

    /// <summary>The order charged.</summary>
    public Guid OrderId => orderId;

    /// <summary>Pays with this payment method id.</summary>
    public ChargeBuilder With(string method)
    {
        paymentMethod = method;
        return this;
    }

    /// <summary>Charges this amount.</summary>
    public ChargeBuilder Of(long amountMinor, string currency)
    {
        amount = new Money(amountMinor, currency);
        return this;
    }

    /// <summary>The charge request, keyed by the order id as the payment grain keys it.</summary>
    public PaymentCharge Build() => new()
    {
        IdempotencyKey = orderId.ToString(),
        OrderId = orderId,
        CustomerId = Guid.NewGuid(),
        Amount = amount,
        PaymentToken = paymentMethod,
    };
}
