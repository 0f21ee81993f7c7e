using Grpc.Core;
using Shop.Api.V1;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Grpc;

/// <summary>Shop staff's order management over gRPC.</summary>
[Collection(ShopTests.Name)]
public sealed class OrderAdminOverGrpcTests(ShopFixture shop)
{
    [Fact]
    public async Task An_admin_lists_orders_and_reads_a_timeline_over_grpc_and_a_shopper_is_permission_denied()
    {
        var admin = await shop.SharedAdminAsync();
        var shopper = await shop.ShopperAsync();
        var sku = await shop.ProductAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(shopper, sku);
        var orderId = await client.PlaceOrderAsync(shopper, Requests.CashOnDelivery());
        await client.OrderReachingAsync(shopper, orderId, "CONFIRMED");
        using var channel = shop.App.CreateGrpcChannel();
        var orders = new OrderAdminService.OrderAdminServiceClient(channel);
        var asAdmin = new Metadata { { "authorization", $"Bearer {admin.AccessToken}" } };
        var asShopper = new Metadata { { "authorization", $"Bearer {shopper.AccessToken}" } };

        var page = await Eventually.Value(
            async () => await orders.ListAdminOrdersAsync(new ListAdminOrdersRequest { Email = shopper.Email }, asAdmin),
            p => p.Items.Count == 1 && p.Items[0].Status == "CONFIRMED",
            because: "the order never reached the admin list");
        var detail = await orders.GetAdminOrderAsync(new GetAdminOrderRequest { OrderId = orderId }, asAdmin);
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await orders.ListAdminOrdersAsync(new ListAdminOrdersRequest(), asShopper));

        Assert.Equal(orderId, page.Items[0].OrderId);
        Assert.Contains(detail.Timeline, e => e.Kind == "order_confirmed");
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
