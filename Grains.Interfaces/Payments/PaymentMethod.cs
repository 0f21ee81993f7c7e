namespace Shop.Payments;

/// <summary>How the shopper pays.</summary>
public enum PaymentMethod
{
    /// <summary>A card, charged through the payment gateway when the stock is reserved.</summary>
    Card = 0,

    /// <summary>Paid to the courier; accepted without a charge.</summary>
    CashOnDelivery = 1,
}
