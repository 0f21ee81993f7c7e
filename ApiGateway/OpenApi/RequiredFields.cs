using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Shop.ApiGateway.OpenApi;

/// <summary>
/// Marks as required the fields a client must send and the fields the shop always writes. Proto3 has no required
/// fields and JSON transcoding leaves out zero values (0, "", false), so only fields that can never be zero are listed:
/// identifiers, names, lists and maps (always written, empty or not), and nested messages the shop always sets.
/// </summary>
public sealed class RequiredFields : ISchemaFilter
{
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        // Requests: what validation refuses when missing.
        ["RegisterRequest"] = ["email", "password", "name"],
        ["LoginRequest"] = ["email", "password"],
        ["RefreshRequest"] = ["refreshToken"],
        ["AddCartItemRequest"] = ["sku", "quantity"],
        ["UpdateCartItemRequest"] = ["quantity"],
        ["PlaceOrderRequest"] = ["paymentMethod", "shippingAddress"],
        ["ShippingAddress"] = ["name", "line1", "city", "postalCode", "country"],
        ["AdjustStockRequest"] = ["delta"],

        // Responses: what every answer holds.
        ["Money"] = ["currency"],
        ["Product"] = ["sku", "name", "category", "price", "attributes", "images", "createdAt", "updatedAt"],
        ["ListProductsResponse"] = ["items", "facets"],
        ["Facets"] = ["categories", "priceBands"],
        ["FacetCount"] = ["value", "count"],
        ["StockLevel"] = ["sku"],
        ["LineItem"] = ["sku", "name", "quantity", "unitPrice", "lineTotal"],
        ["Cart"] = ["cartId", "lines"],
        ["TokenResponse"] = ["userId", "accessToken", "refreshToken", "expiresIn", "tokenType"],
        ["Profile"] = ["userId", "email", "roles"],
        ["PlaceOrderResponse"] = ["orderId", "status"],
        ["Order"] = ["orderId", "status", "lines", "total", "payment", "shippingAddress", "createdAt", "updatedAt"],
        ["ListOrdersResponse"] = ["items"],
        ["Payment"] = ["method", "status", "amount"],
    };

    /// <inheritdoc />
    public void Apply(OpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (!Required.TryGetValue(context.Type.Name, out var fields))
        {
            return;
        }

        foreach (var field in fields.Where(schema.Properties.ContainsKey))
        {
            schema.Required.Add(field);
        }
    }
}
