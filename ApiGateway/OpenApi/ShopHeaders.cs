using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Shop.ApiGateway.Carts;
using Shop.ApiGateway.Orders;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Shop.ApiGateway.OpenApi;

/// <summary>
/// Documents the headers the shop reads and writes outside the transcoded messages: the guest cart's
/// <c>X-Cart-Id</c> (sent by guests, issued in the response when absent, merged on login), the checkout's
/// <c>Idempotency-Key</c>, and Stripe's <c>Stripe-Signature</c> on the webhook.
/// </summary>
public sealed class ShopHeaders : IOperationFilter
{
    private const string CartService = "shop.v1.CartService";
    private const string CartIdPattern = "^guest-[0-9a-f]{32}$";
    private const string CartIdExample = "guest-3f2b8c4d9e0a41b6a7c5d8e9f0a1b2c3";

    // gRPC methods of AuthService that merge the guest cart named by X-Cart-Id into the user's cart.
    private static readonly HashSet<string> MergingGuestCart = new(StringComparer.Ordinal) { "Login", "Register" };

    /// <summary>Whether an anonymous endpoint reads a token when one is sent (the cart: it is then the user's own).</summary>
    public static bool ReadsCallerOptionally(ApiDescription api) =>
        string.Equals(OperationMetadata.GrpcService(api), CartService, StringComparison.Ordinal);

    /// <inheritdoc />
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var api = context.ApiDescription;
        var method = OperationMetadata.GrpcMethod(api);
        if (ReadsCallerOptionally(api))
        {
            operation.Parameters.Add(CartIdParameter(
                "The guest cart's id, as issued in the X-Cart-Id response header. Ignored when an access token is sent: a signed-in shopper always gets their own cart."));
            DocumentIssuedCartId(operation);
        }
        else if (method is not null && MergingGuestCart.Contains(method))
        {
            operation.Parameters.Add(CartIdParameter("The guest cart to merge into the user's cart."));
        }

        if (method == "PlaceOrder")
        {
            operation.Parameters.Add(IdempotencyKeyParameter(
                required: false, "Makes retries safe: the same user and key always give the same order (a retry answers the order placed first). "));
        }
        else if (method is "RefundAdminOrder" or "ResendOrderConfirmation")
        {
            operation.Parameters.Add(IdempotencyKeyParameter(
                required: method == "RefundAdminOrder", "Makes retries safe: the same order and key refund or send once (a retry answers the order as it is). "));
        }

        if (string.Equals("/" + api.RelativePath, Payments.PaymentEndpoints.WebhookRoute, StringComparison.OrdinalIgnoreCase))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Stripe-Signature",
                In = ParameterLocation.Header,
                Required = true,
                Description = "Stripe's signature of the payload with the endpoint secret (t=...,v1=...).",
                Schema = new OpenApiSchema { Type = "string" },
            });
        }
    }

    private static OpenApiParameter CartIdParameter(string description) => new()
    {
        Name = CartIds.Header,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = "string", Pattern = CartIdPattern },
        Example = new OpenApiString(CartIdExample),
    };

    private static OpenApiParameter IdempotencyKeyParameter(bool required, string purpose) => new()
    {
        Name = OrderIds.IdempotencyKeyHeader,
        In = ParameterLocation.Header,
        Required = required,
        Description = purpose + "1 to 100 printable ASCII characters; anything else is a 400.",
        Schema = new OpenApiSchema { Type = "string", MinLength = 1, MaxLength = OrderIds.MaxKeyLength, Pattern = "^[!-~]{1,100}$" },
        Example = new OpenApiString("checkout-7f3c2a9e-1b4d-4c8e-9a6f-2d5e8b1c0f47"),
    };

    private static void DocumentIssuedCartId(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses)
        {
            if (!status.StartsWith('2'))
            {
                continue;
            }

            response.Headers[CartIds.Header] = new OpenApiHeader
            {
                Description = "A new guest cart's id, sent when the request named no cart and carried no access token. Send it back on later cart requests.",
                Schema = new OpenApiSchema { Type = "string", Pattern = CartIdPattern },
                Example = new OpenApiString(CartIdExample),
            };
        }
    }
}
