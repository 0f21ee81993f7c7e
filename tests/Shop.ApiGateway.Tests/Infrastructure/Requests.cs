namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>Builders of request bodies, valid unless a test changes them.</summary>
public static class Requests
{
    /// <summary>The password every test account uses.</summary>
    public const string Password = "correct-horse-battery";

    /// <summary>A valid shipping address.</summary>
    public static Dictionary<string, object?> Address() => new()
    {
        ["name"] = "Ada Lovelace",
        ["line1"] = "1 Analytical Street",
        ["city"] = "London",
        ["postalCode"] = "N1 9GU",
        ["country"] = "GB",
    };

    /// <summary>A checkout paying cash on delivery.</summary>
    public static Dictionary<string, object?> CashOnDelivery() => new()
    {
        ["paymentMethod"] = "cash_on_delivery",
        ["shippingAddress"] = Address(),
    };

    /// <summary>A checkout paying by card with a test token (tok_visa, tok_chargeDeclined, …).</summary>
    public static Dictionary<string, object?> Card(string token) => new()
    {
        ["paymentMethod"] = "card",
        ["paymentToken"] = token,
        ["shippingAddress"] = Address(),
    };

    /// <summary>A cart line.</summary>
    public static object Item(string sku, int quantity = 1) => new { sku, quantity };

    /// <summary>Headers with an idempotency key.</summary>
    public static Dictionary<string, string> IdempotencyKey(string key) => new() { ["Idempotency-Key"] = key };

    /// <summary>Headers naming a guest cart.</summary>
    public static Dictionary<string, string> Cart(string cartId) => new() { ["X-Cart-Id"] = cartId };
}
