using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Shop.Api.V1;
using Shop.ApiGateway.Auth;
using Shop.ApiGateway.Carts;
using Shop.ApiGateway.Errors;
using Shop.Common;
using Shop.Orders;
using Shop.Payments;

namespace Shop.ApiGateway.Orders;

/// <summary>Checkout and the caller's own orders; another user's order reads as not found.</summary>
[Authorize]
public sealed class OrderService(IGrainFactory grains) : Api.V1.OrderService.OrderServiceBase
{
    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<PlaceOrderResponse> PlaceOrder(PlaceOrderRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = Caller.RequireUserId(context);
        var orderId = OrderIds.For(userId, Caller.Header(context, OrderIds.IdempotencyKeyHeader));
        var method = PaymentMethodNames.Parse(request.PaymentMethod);
        var command = new PlaceOrder
        {
            UserId = userId,
            CartId = CartIds.ForUser(userId),
            PaymentMethod = method,
            PaymentToken = method == PaymentMethod.Card ? Require.Text(request.PaymentToken, "paymentToken", 200) : null,
            ShippingAddress = ShippingInput.Address(request.ShippingAddress),
        };
        var order = await grains.GetGrain<IOrderGrain>(orderId).Place(command);
        AcceptedStatus.Apply(context);
        return new PlaceOrderResponse { OrderId = order.OrderId.ToString(), Status = OrderStatusNames.Name(order.Status) };
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<ListOrdersResponse> ListOrders(ListOrdersRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = Caller.RequireUserId(context);
        var page = await grains.GetGrain<IOrderHistoryGrain>(userId)
            .List(Require.Page(request.Page), Require.PageSize(request.PageSize));
        var orders = await Task.WhenAll(page.OrderIds.Select(id => grains.GetGrain<IOrderGrain>(id).GetOrder()));
        var response = new ListOrdersResponse { Total = page.Total };
        response.Items.AddRange(orders.Where(order => order?.UserId == userId).Select(order => order!.ToApi()));
        return response;
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (grain, _) = await OwnOrderAsync(request.OrderId, context);
        return (await grain.GetOrder())!.ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Order> CancelOrder(CancelOrderRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (grain, userId) = await OwnOrderAsync(request.OrderId, context);
        return (await grain.Cancel(userId)).ToApi();
    }

    private async Task<(IOrderGrain Grain, Guid UserId)> OwnOrderAsync(string orderId, ServerCallContext context)
    {
        var userId = Caller.RequireUserId(context);
        var id = Require.Id(orderId, "orderId");
        var grain = grains.GetGrain<IOrderGrain>(id);
        var order = await grain.GetOrder();
        return order?.UserId == userId
            ? (grain, userId)
            : throw ShopException.NotFound("order.not_found", $"No order {id} was found.");
    }
}
