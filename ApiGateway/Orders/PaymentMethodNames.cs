using Shop.Common;
using Shop.Payments;

namespace Shop.ApiGateway.Orders;

/// <summary>The API names of payment methods: card, cash_on_delivery.</summary>
public static class PaymentMethodNames
{
    /// <summary>Card payment.</summary>
    public const string Card = "card";

    /// <summary>Cash on delivery.</summary>
    public const string CashOnDelivery = "cash_on_delivery";

    /// <summary>The method named <paramref name="name"/>; anything else is a 400.</summary>
    public static PaymentMethod Parse(string? name) => name switch
    {
        Card => PaymentMethod.Card,
        CashOnDelivery => PaymentMethod.CashOnDelivery,
        _ => throw ShopException.Validation("paymentMethod", $"paymentMethod must be \"{Card}\" or \"{CashOnDelivery}\"."),
    };

    /// <summary>The API name of a method.</summary>
    public static string Name(PaymentMethod method) => method switch
    {
        PaymentMethod.Card => Card,
        PaymentMethod.CashOnDelivery => CashOnDelivery,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown payment method."),
    };
}
