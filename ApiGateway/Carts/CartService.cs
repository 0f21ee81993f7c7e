using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Shop.Api.V1;
using Shop.ApiGateway.Auth;
using Shop.ApiGateway.Errors;
using Shop.Carts;
using Shop.Common;

namespace Shop.ApiGateway.Carts;

/// <summary>
/// The cart of the caller: the user's own cart when logged in, otherwise the guest cart named by X-Cart-Id (a new one
/// is issued when the header is absent).
/// </summary>
[AllowAnonymous]
public sealed class CartService(IGrainFactory grains) : Api.V1.CartService.CartServiceBase
{
    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Cart> GetCart(GetCartRequest request, ServerCallContext context) =>
        (await CartOf(context).GetCart()).ToApi();

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Cart> AddCartItem(AddCartItemRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sku = Require.Sku(request.Sku);
        var quantity = Quantity(request.Quantity);
        return (await CartOf(context).AddLine(sku, quantity)).ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Cart> UpdateCartItem(UpdateCartItemRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sku = Require.Sku(request.Sku);
        var quantity = Quantity(request.Quantity);
        return (await CartOf(context).SetQuantity(sku, quantity)).ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Cart> RemoveCartItem(RemoveCartItemRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await CartOf(context).RemoveLine(Require.Sku(request.Sku))).ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Cart> ClearCart(ClearCartRequest request, ServerCallContext context)
    {
        var cart = CartOf(context);
        await cart.Clear();
        return (await cart.GetCart()).ToApi();
    }

    private static int Quantity(int quantity) =>
        (int)Require.Range(quantity, "quantity", 1, CartRules.MaxQuantityPerLine);

    private ICartGrain CartOf(ServerCallContext context) => grains.GetGrain<ICartGrain>(ResolveCartId(context));

    private static string ResolveCartId(ServerCallContext context)
    {
        if (Caller.UserId(context) is { } userId)
        {
            return CartIds.ForUser(userId);
        }

        var presented = Caller.Header(context, CartIds.Header);
        if (presented is not null)
        {
            return CartIds.IsGuest(presented)
                ? presented
                : throw ShopException.Validation("X-Cart-Id", "X-Cart-Id must be a cart id issued by this shop.");
        }

        var issued = CartIds.NewGuest();
        context.GetHttpContext().Response.Headers[CartIds.Header] = issued;
        return issued;
    }
}
