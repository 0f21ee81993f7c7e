using Grpc.Core;
using Shop.Api.V1;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Grpc;

/// <summary>The core purchase over gRPC (real gRPC framing through the test server).</summary>
[Collection(ShopTests.Name)]
public sealed class PurchaseOverGrpcTests(ShopFixture shop)
{
    [Fact]
    public async Task A_shopper_registers_fills_a_guest_cart_logs_in_and_checks_out_over_grpc()
    {
        var sku = await shop.ProductAsync(priceMinor: 1250);
        using var channel = shop.App.CreateGrpcChannel();
        var auth = new AuthService.AuthServiceClient(channel);
        var carts = new CartService.CartServiceClient(channel);
        var orders = new OrderService.OrderServiceClient(channel);
        var catalog = new CatalogService.CatalogServiceClient(channel);
        var email = $"grpc-{shop.Unique()}@example.com";
        await auth.RegisterAsync(new RegisterRequest { Email = email, Password = Requests.Password, Name = "Grpc" });

        var product = await catalog.GetProductAsync(new GetProductRequest { Sku = sku });
        using var guestCall = carts.GetCartAsync(new GetCartRequest());
        var cartId = (await guestCall.ResponseHeadersAsync).GetValue("x-cart-id");
        Assert.Equal(cartId, (await guestCall).CartId);
        await carts.AddCartItemAsync(new AddCartItemRequest { Sku = sku, Quantity = 2 }, new Metadata { { "x-cart-id", cartId! } });
        var tokens = await auth.LoginAsync(
            new LoginRequest { Email = email, Password = Requests.Password }, new Metadata { { "x-cart-id", cartId! } });
        var bearer = new Metadata { { "authorization", $"Bearer {tokens.AccessToken}" } };
        var cart = await carts.GetCartAsync(new GetCartRequest(), bearer);
        var placed = await orders.PlaceOrderAsync(new PlaceOrderRequest
        {
            PaymentMethod = "cash_on_delivery",
            ShippingAddress = new ShippingAddress { Name = "Ada", Line1 = "1 Street", City = "London", PostalCode = "N1", Country = "GB" },
        }, bearer);
        var order = await Eventually.Value(
            async () => await orders.GetOrderAsync(new GetOrderRequest { OrderId = placed.OrderId }, bearer),
            o => o.Status is "CONFIRMED" or "CANCELLED",
            because: "the order to finish");

        Assert.Equal(1250, product.Price.AmountMinor);
        Assert.Equal(2, Assert.Single(cart.Lines).Quantity);
        Assert.Equal("PENDING", placed.Status);
        Assert.Equal("CONFIRMED", order.Status);
        Assert.Equal(2500, order.Total.AmountMinor);
        var history = await orders.ListOrdersAsync(new ListOrdersRequest(), bearer);
        Assert.Equal(placed.OrderId, Assert.Single(history.Items).OrderId);
    }

    [Fact]
    public async Task Grpc_errors_are_status_codes()
    {
        using var channel = shop.App.CreateGrpcChannel();
        var catalog = new CatalogService.CatalogServiceClient(channel);
        var orders = new OrderService.OrderServiceClient(channel);
        var carts = new CartService.CartServiceClient(channel);

        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await catalog.GetProductAsync(new GetProductRequest { Sku = "NO-SUCH-SKU" }));
        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await orders.ListOrdersAsync(new ListOrdersRequest()));
        var badQuantity = await Assert.ThrowsAsync<RpcException>(async () =>
            await carts.AddCartItemAsync(new AddCartItemRequest { Sku = "X", Quantity = 0 }));
        var garbageToken = await Assert.ThrowsAsync<RpcException>(async () =>
            await carts.GetCartAsync(new GetCartRequest(), new Metadata { { "authorization", "Bearer garbage" } }));

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("product.not_found", unknown.Trailers.GetValue("shop-error-code"));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badQuantity.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, garbageToken.StatusCode);
    }

    [Fact]
    public async Task Grpc_reflection_lists_the_shop_services()
    {
        using var channel = shop.App.CreateGrpcChannel();
        var reflection = new global::Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new global::Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("shop.v1.OrderService", services);
        Assert.Contains("shop.v1.CatalogService", services);
    }
}
