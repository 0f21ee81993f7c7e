using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.ApiGateway.Tests.Infrastructure;
using Shop.ApiGateway.Tests.Publish;
using Shop.Catalog;
using Shop.Common;
using Shop.Inventory;
using Shop.Silo;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>
/// The gateway as an Orleans client of a silo running in its own host (Shop:Gateway:Mode=Client): the gateway built
/// without the silo (<c>-p:CoHostSilo=false</c>, as its image is), run as its own process.
/// </summary>
[Collection(SiloLessGatewayTests.Name)]
public sealed class ClientModeTests(SiloLessGateway build) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly string _clusterId = "client-" + Guid.NewGuid().ToString("N")[..8];
    private readonly int _siloGatewayPort = FreePort.Next();
    private IHost? _silo;
    private GatewayProcess? _gateway;

    public async Task InitializeAsync()
    {
        // A content root of its own, so no appsettings file in the test output reconfigures this silo.
        var contentRoot = Directory.CreateTempSubdirectory("shop-client-mode-silo").FullName;
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = "Production", ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:Orleans:ClusterId"] = _clusterId,
            ["Shop:Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Shop:Orleans:GatewayPort"] = _siloGatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Shop:Auth:PasswordHashIterations"] = "1000",
            ["Shop:Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), "shop-client-mode-tests", _clusterId),
        });
        builder.AddShopSilo();
        _silo = builder.Build();
        await _silo.StartAsync();
        _gateway = GatewayProcess.Start(build.GatewayDll, new Dictionary<string, string>
        {
            ["Shop:Gateway:Mode"] = "Client",
            ["Shop:Orleans:ClusterId"] = _clusterId,
            ["Shop:Orleans:GatewayPort"] = _siloGatewayPort.ToString(CultureInfo.InvariantCulture),
            // Production's clustering is AdoNet, and a silo-less gateway reads no membership table: it is told where
            // the silos' gateways are, as a headless Service tells it in Kubernetes.
            ["Shop:Orleans:Gateways:0"] = "127.0.0.1:" + _siloGatewayPort.ToString(CultureInfo.InvariantCulture),
        });
        await _gateway.WaitUntilReadyAsync(StartTimeout);
    }

    private IGrainFactory Grains => _silo!.Services.GetRequiredService<IGrainFactory>();

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }
    }

    [Fact]
    public async Task A_client_mode_gateway_takes_an_order_to_confirmed_on_the_separate_silo()
    {
        var sku = "CM-" + Guid.NewGuid().ToString("N")[..8];
        await Grains.GetGrain<IProductGrain>(sku).Create(new ProductDraft
        {
            Name = "Client mode lamp",
            Price = new Money(4200, "EUR"),
            Category = "home",
            Published = true,
        });
        await Grains.GetGrain<IStockItemGrain>(sku).SetOnHand(3);
        using var client = new ShopClient(new HttpClient { BaseAddress = _gateway!.Address });
        var email = $"client-mode-{Guid.NewGuid():N}@example.com";
        var tokens = await client.RegisterAsync(email, Requests.Password, "Client Mode");
        var shopper = new Account(email, Guid.Parse(tokens.UserId), tokens);
        await client.AddToCartAsync(shopper, sku, 2);

        var orderId = await client.PlaceOrderAsync(shopper, Requests.CashOnDelivery());
        var order = await client.OrderReachingAsync(shopper, orderId, "CONFIRMED", "CANCELLED");

        Assert.Equal("CONFIRMED", order["status"]!.GetValue<string>());
        // The reservation commits when it handles OrderConfirmed, a moment after the order reads CONFIRMED.
        var stock = await Eventually.Value(
            () => Grains.GetGrain<IStockItemGrain>(sku).GetLevel(),
            level => level.Committed > 0,
            because: "the stock to be committed");
        Assert.Equal((1L, 2L, 0L), (stock.OnHand, stock.Committed, stock.Reserved));
    }

    [Fact]
    public async Task A_client_mode_gateway_is_ready_while_its_silo_runs()
    {
        using var client = new ShopClient(new HttpClient { BaseAddress = _gateway!.Address });

        using var response = await client.SendAsync(HttpMethod.Get, "/readyz");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_gateway_built_without_the_silo_refuses_the_co_hosted_mode_in_one_line_naming_the_setting()
    {
        await using var refused = GatewayProcess.Start(build.GatewayDll, new Dictionary<string, string> { ["Shop:Gateway:Mode"] = "CoHosted" });

        var exitCode = await refused.ExitCodeAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        var lines = refused.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("Shop:Gateway:Mode", line, StringComparison.Ordinal);
    }
}
