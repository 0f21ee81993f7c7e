using Shop.Common;
using Shop.Orders;

namespace Shop.Grains.Orders;

/// <summary>Validation of a shipping address (pure).</summary>
public static class ShippingAddressRules
{
    /// <summary>Longest field.</summary>
    public const int MaxFieldLength = 200;

    /// <summary>Throws a validation <see cref="ShopException"/> naming the first bad field.</summary>
    public static void Validate(ShippingAddress? address)
    {
        if (address is null)
        {
            throw ShopException.Validation("shippingAddress", "A shipping address is required.");
        }

        Required("shippingAddress.name", address.Name);
        Required("shippingAddress.line1", address.Line1);
        Required("shippingAddress.city", address.City);
        Required("shippingAddress.postalCode", address.PostalCode);
        if (address.Line2?.Length > MaxFieldLength)
        {
            throw ShopException.Validation("shippingAddress.line2", $"At most {MaxFieldLength} characters.");
        }

        if (address.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetter))
        {
            throw ShopException.Validation("shippingAddress.country", "Country must be an ISO 3166-1 alpha-2 code such as DE.");
        }
    }

    private static void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxFieldLength)
        {
            throw ShopException.Validation(field, $"Required, at most {MaxFieldLength} characters.");
        }
    }
}
