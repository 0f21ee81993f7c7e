using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Shop.Api.V1;
using Shop.ApiGateway.Auth;
using Shop.ApiGateway.Errors;
using Shop.ApiGateway.Orders;
using Shop.Common;
using Shop.Orders;
using Shop.Orders.Admin;
using Shop.Users;

namespace Shop.ApiGateway.Admin;

/// <summary>Shop staff's order management: the order list and timelines from the read model, and the actions on an order.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class OrderAdminService(IGrainFactory grains) : Api.V1.OrderAdminService.OrderAdminServiceBase
{
    /// <summary>Stuck orders listed when the request names no limit.</summary>
    public const int DefaultStuckLimit = 50;

    private IOrderQueryGrain Query => grains.GetGrain<IOrderQueryGrain>(0);

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<ListAdminOrdersResponse> ListAdminOrders(ListAdminOrdersRequest request, ServerCallContext context) =>
        (await Query.Search(AdminOrderQuery.From(request))).ToApi();

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<AdminOrderDetail> GetAdminOrder(GetAdminOrderRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Id(request.OrderId, "orderId");
        var detail = await Query.GetOrder(id) ?? throw NotFound(id);
        return detail.ToApi(await grains.GetGrain<IOrderGrain>(id).GetOrder());
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Order> CancelAdminOrder(AdminOrderActionRequest request, ServerCallContext context)
    {
        var (order, admin) = Target(request, context);
        return (await order.CancelByShop(admin)).ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Order> RefundAdminOrder(RefundAdminOrderRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var admin = Caller.RequireUserId(context);
        var id = Require.Id(request.OrderId, "orderId");
        var key = Caller.Header(context, OrderIds.IdempotencyKeyHeader)
            ?? throw ShopException.Validation(OrderIds.IdempotencyKeyHeader, $"A refund needs an {OrderIds.IdempotencyKeyHeader} header, so a retry never refunds twice.");
        var lines = request.Lines.Select((line, i) => new RefundLine
        {
            Sku = Require.Sku(line.Sku),
            Quantity = (int)Require.Range(line.Quantity, $"lines[{i}].quantity", 1, 1_000_000),
        }).ToList();
        var order = grains.GetGrain<IOrderGrain>(id);
        return (await order.Refund(new AdminRefund { RefundId = OrderIds.ValidKey(key), AdminId = admin, Lines = lines, Restock = request.Restock })).ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Order> ResendOrderConfirmation(AdminOrderActionRequest request, ServerCallContext context)
    {
        var (order, admin) = Target(request, context);
        var key = Caller.Header(context, OrderIds.IdempotencyKeyHeader) is { } given ? OrderIds.ValidKey(given) : Guid.NewGuid().ToString();
        return (await order.ResendConfirmation(admin, $"resend:{key}")).ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Order> MarkOrderPaid(AdminOrderActionRequest request, ServerCallContext context)
    {
        var (order, admin) = Target(request, context);
        return (await order.MarkPaid(admin)).ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<ListStuckOrdersResponse> ListStuckOrders(ListStuckOrdersRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        TimeSpan? threshold = request.HasOlderThanSeconds
            ? TimeSpan.FromSeconds(Require.Range(request.OlderThanSeconds, "olderThanSeconds", 1, (long)TimeSpan.FromDays(30).TotalSeconds))
            : null;
        var stuck = await Query.Stuck(threshold, request.Limit == 0 ? DefaultStuckLimit : request.Limit);
        var response = new ListStuckOrdersResponse { LastStepBefore = Timestamp.FromDateTimeOffset(stuck.LastStepBefore) };
        response.Counts.Add(AdminOrderMapping.Counts(stuck.Counts));
        response.Items.AddRange(stuck.Items.Select(o => o.ToApi()));
        return response;
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<RebuildOrderReadModelResponse> RebuildOrderReadModel(RebuildOrderReadModelRequest request, ServerCallContext context) =>
        new() { Orders = await Query.Rebuild() };

    private (IOrderGrain Order, Guid Admin) Target(AdminOrderActionRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var admin = Caller.RequireUserId(context);
        return (grains.GetGrain<IOrderGrain>(Require.Id(request.OrderId, "orderId")), admin);
    }

    private static ShopException NotFound(Guid id) => ShopException.NotFound("order.not_found", $"No order {id} was found.");
}
