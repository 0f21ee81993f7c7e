using Shop.ApiGateway.Errors;
using Shop.Common;
using Shop.Orders;

namespace Shop.ApiGateway.Orders;

/// <summary>Validates a shipping address.</summary>
public static class ShippingInput
{
    /// <summary>The address; a missing or bad field is a 400 naming it.</summary>
    public static ShippingAddress Address(Api.V1.ShippingAddress? address)
    {
        if (address is null)
        {
            throw ShopException.Validation("shippingAddress", "shippingAddress is required.");
        }

        var country = Require.Text(address.Country, "shippingAddress.country", 2, min: 2).ToUpperInvariant();
        return country.All(char.IsAsciiLetterUpper)
            ? new ShippingAddress
            {
                Name = Require.Text(address.Name, "shippingAddress.name", 200),
                Line1 = Require.Text(address.Line1, "shippingAddress.line1", 200),
                Line2 = Require.OptionalText(address.Line2, "shippingAddress.line2", 200),
                City = Require.Text(address.City, "shippingAddress.city", 100),
                PostalCode = Require.Text(address.PostalCode, "shippingAddress.postalCode", 20),
                Country = country,
            }
            : throw ShopException.Validation("shippingAddress.country", "shippingAddress.country must be an ISO 3166-1 alpha-2 code.");
    }
}
