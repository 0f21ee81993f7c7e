using System.Text.Json;

namespace Shop.LoadTests.Scenarios;

/// <summary>Request bodies in the API's JSON shapes (lowerCamelCase).</summary>
public static class Json
{
    /// <summary>Serialises <paramref name="body"/> with web defaults.</summary>
    public static string Of(object body) => JsonSerializer.Serialize(body, JsonSerializerOptions.Web);

    /// <summary>A cart line body.</summary>
    public static string Item(string sku, int quantity) => Of(new { sku, quantity });

    /// <summary>A checkout body: card with tok_visa, or cash on delivery.</summary>
    public static string Checkout(bool card) => card
        ? Of(new { paymentMethod = "card", paymentToken = "tok_visa", shippingAddress = Address })
        : Of(new { paymentMethod = "cash_on_delivery", shippingAddress = Address });

    private static readonly object Address = new
    {
        name = "Load Tester",
        line1 = "1 Arrival Rate Street",
        city = "London",
        postalCode = "N1 9GU",
        country = "GB",
    };
}
