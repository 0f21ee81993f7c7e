using System.Text.Json.Nodes;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Shop.ApiGateway.OpenApi;

/// <summary>
/// Gives the messages a client sends and reads an example, shaped as the REST API writes them (lowerCamelCase, money
/// in minor units), and lists the allowed values of the string fields that only take a few.
/// </summary>
public sealed class SchemaExamples : ISchemaFilter
{
    private const string Money = """{ "amountMinor": 19900, "currency": "EUR" }""";
    private const string Address = """{ "name": "Ada Lovelace", "line1": "Hauptstraße 1", "city": "Berlin", "postalCode": "10115", "country": "DE" }""";
    private const string Line = """{ "sku": "AUD-HP-001", "name": "Aurora ANC Over-Ear Headphones", "quantity": 1, "unitPrice": """ + Money + """, "lineTotal": """ + Money + " }";
    private const string Product = """
        { "sku": "AUD-HP-001", "name": "Aurora ANC Over-Ear Headphones",
          "description": "Wireless over-ear headphones with active noise cancelling.", "category": "audio",
          "price": { "amountMinor": 19900, "currency": "EUR" }, "stock": 42,
          "attributes": { "brand": "Aurora", "colour": "black" },
          "images": ["/images/products/aud-hp-001.svg"], "published": true,
          "createdAt": "2026-12-01T09:30:00Z", "updatedAt": "2026-12-01T09:30:00Z" }
        """;

    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["Money"] = Money,
        ["ShippingAddress"] = Address,
        ["LineItem"] = Line,
        ["Product"] = Product,
        ["ProductInput"] = """
            { "sku": "AUD-HP-001", "name": "Aurora ANC Over-Ear Headphones", "description": "Wireless over-ear headphones.",
              "category": "audio", "price": { "amountMinor": 19900, "currency": "EUR" }, "attributes": { "brand": "Aurora" },
              "images": ["/images/products/aud-hp-001.svg"], "published": true, "stock": 42 }
            """,
        ["ListProductsResponse"] = """{ "items": [""" + Product + """], "total": 1, "facets": { "categories": [{ "value": "audio", "count": 1 }], "priceBands": [{ "value": "10000-25000", "count": 1 }] } }""",
        ["Cart"] = """{ "cartId": "guest-3f2b8c4d9e0a41b6a7c5d8e9f0a1b2c3", "lines": [""" + Line + """], "total": """ + Money + " }",
        ["AddCartItemRequest"] = """{ "sku": "AUD-HP-001", "quantity": 1 }""",
        ["UpdateCartItemRequest"] = """{ "quantity": 2 }""",
        ["RegisterRequest"] = """{ "email": "ada@example.com", "password": "correct-horse-battery-staple", "name": "Ada Lovelace" }""",
        ["LoginRequest"] = """{ "email": "ada@example.com", "password": "correct-horse-battery-staple" }""",
        ["RefreshRequest"] = """{ "refreshToken": "r1.8f14e45fceea167a5a36dedd4bea2543" }""",
        ["TokenResponse"] = """
            { "userId": "0b7e6a52-3c1f-4b8e-9d2a-5f6c7d8e9a0b", "accessToken": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwYjdlIn0.c2lnbmF0dXJl",
              "refreshToken": "r1.8f14e45fceea167a5a36dedd4bea2543", "expiresIn": 900, "tokenType": "Bearer" }
            """,
        ["PlaceOrderRequest"] = """{ "paymentMethod": "card", "paymentToken": "tok_visa", "shippingAddress": """ + Address + " }",
        ["PlaceOrderResponse"] = """{ "orderId": "5d8e1f2a-7b3c-4d9e-8f0a-1b2c3d4e5f60", "status": "PENDING" }""",
        ["Order"] = """
            { "orderId": "5d8e1f2a-7b3c-4d9e-8f0a-1b2c3d4e5f60", "status": "CONFIRMED",
              "lines": [{ "sku": "AUD-HP-001", "name": "Aurora ANC Over-Ear Headphones", "quantity": 1,
                          "unitPrice": { "amountMinor": 19900, "currency": "EUR" }, "lineTotal": { "amountMinor": 19900, "currency": "EUR" } }],
              "total": { "amountMinor": 19900, "currency": "EUR" },
              "payment": { "method": "card", "status": "SUCCEEDED", "amount": { "amountMinor": 19900, "currency": "EUR" } },
              "shippingAddress": { "name": "Ada Lovelace", "line1": "Hauptstraße 1", "city": "Berlin", "postalCode": "10115", "country": "DE" },
              "createdAt": "2026-12-01T09:30:00Z", "updatedAt": "2026-12-01T09:30:02Z" }
            """,
        ["SetStockRequest"] = """{ "onHand": 40 }""",
        ["AdjustStockRequest"] = """{ "delta": -2, "reason": "breakage" }""",
        ["StockLevel"] = """{ "sku": "AUD-HP-001", "onHand": 40, "reserved": 3, "available": 37 }""",
        ["Profile"] = """{ "userId": "0b7e6a52-3c1f-4b8e-9d2a-5f6c7d8e9a0b", "email": "ada@example.com", "name": "Ada Lovelace", "phone": "+49 30 1234567", "roles": [] }""",
        ["UpdateMeRequest"] = """{ "name": "Ada King", "phone": "+49 30 7654321" }""",
    };

    // String fields that take one of a few values; the values are sent and returned exactly so.
    private static readonly Dictionary<(string Schema, string Property), string[]> Enums = new()
    {
        [("PlaceOrderRequest", "paymentMethod")] = ["card", "cash_on_delivery"],
        [("Payment", "method")] = ["card", "cash_on_delivery"],
        [("Order", "status")] = ["PENDING", "STOCK_RESERVED", "AWAITING_PAYMENT_ACTION", "CONFIRMED", "CANCELLED"],
        [("Payment", "status")] = ["NOT_STARTED", "REQUIRES_ACTION", "SUCCEEDED", "FAILED", "CASH_ON_DELIVERY_ACCEPTED", "REFUNDED", "VOIDED"],
    };

    /// <inheritdoc />
    public void Apply(OpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Type.Name;
        if (Examples.TryGetValue(name, out var json))
        {
            schema.Example = ToOpenApi(JsonNode.Parse(json));
        }

        foreach (var ((owner, property), values) in Enums)
        {
            if (owner == name && schema.Properties.TryGetValue(property, out var field))
            {
                field.Enum = values.Select(value => (IOpenApiAny)new OpenApiString(value)).ToList();
            }
        }
    }

    /// <summary>A JSON value as an OpenAPI example value.</summary>
    public static IOpenApiAny ToOpenApi(JsonNode? node) => node switch
    {
        null => new OpenApiNull(),
        JsonObject obj => ToObject(obj),
        JsonArray array => ToArray(array),
        JsonValue value when value.TryGetValue<bool>(out var flag) => new OpenApiBoolean(flag),
        JsonValue value when value.TryGetValue<long>(out var number) => number is >= int.MinValue and <= int.MaxValue ? new OpenApiInteger((int)number) : new OpenApiLong(number),
        JsonValue value when value.TryGetValue<double>(out var real) => new OpenApiDouble(real),
        _ => new OpenApiString(node.GetValue<string>()),
    };

    private static OpenApiObject ToObject(JsonObject obj)
    {
        var result = new OpenApiObject();
        foreach (var (key, value) in obj)
        {
            result[key] = ToOpenApi(value);
        }

        return result;
    }

    private static OpenApiArray ToArray(JsonArray array)
    {
        var result = new OpenApiArray();
        result.AddRange(array.Select(ToOpenApi));
        return result;
    }
}
