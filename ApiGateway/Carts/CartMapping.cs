using Shop.ApiGateway.Mapping;
using Shop.Carts;

namespace Shop.ApiGateway.Carts;

/// <summary>Carts as the API shows them.</summary>
public static class CartMapping
{
    /// <summary>The API message of a cart.</summary>
    public static Api.V1.Cart ToApi(this CartView cart)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var message = new Api.V1.Cart { CartId = cart.CartId, Total = cart.Total.ToApi() };
        message.Lines.AddRange(cart.Lines.Select(line => LineItemMapping.LineItem(line.Sku, line.Name, line.Quantity, line.UnitPrice)));
        return message;
    }
}
