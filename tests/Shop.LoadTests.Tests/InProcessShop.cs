using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shop.ApiGateway.Hosting;

namespace Shop.LoadTests.Tests;

/// <summary>
/// The whole shop in this process on embedded defaults (co-hosted silo, memory storage and streams, Development demo
/// catalog and admin), configured as bench/run.sh configures it for load: auth rate limit raised, cheap password hashing.
/// </summary>
public sealed class InProcessShop : WebApplicationFactory<GatewayOptions>
{
    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = "load-" + Guid.NewGuid().ToString("N")[..8];
        builder.UseEnvironment("Development");
        builder.UseSetting("Shop:Orleans:SiloPort", FreePort());
        builder.UseSetting("Shop:Orleans:GatewayPort", FreePort());
        builder.UseSetting("Shop:Orleans:ClusterId", cluster);
        builder.UseSetting("Shop:Gateway:GrpcPort", "0");
        builder.UseSetting("Shop:RateLimits:Auth:PermitLimit", "1000000");
        builder.UseSetting("Shop:Auth:PasswordHashIterations", "1000");
        builder.UseSetting("Shop:Search:Lucene:InMemory", "true");
        builder.UseSetting("Shop:Email:PickupFolder", Path.Combine(Path.GetTempPath(), "shop-load-tests", cluster));
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
