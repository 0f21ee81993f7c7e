using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shop.ApiGateway.Hosting;

namespace Shop.Integration.Tests.Fixtures;

/// <summary>
/// The gateway with its co-hosted silo in this process (as tests/Shop.ApiGateway.Tests hosts it), on free ports and
/// the given storage settings. The entry point is named by a gateway type: the Silo project also has a <c>Program</c>.
/// </summary>
internal sealed class GatewayApp(IReadOnlyDictionary<string, string?> storage) : WebApplicationFactory<GatewayOptions>
{
    /// <summary>The grains, for arranging what the public API cannot (products).</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var clusterId = "outage-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>(storage)
        {
            ["Shop:Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Shop:Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Shop:Orleans:ClusterId"] = clusterId,
            ["Shop:Gateway:GrpcPort"] = "0",
            ["Shop:Auth:SigningKey"] = "integration-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            ["Shop:Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), "shop-integration-mail", clusterId),
            ["Shop:Search:Lucene:InMemory"] = "true",
        };
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
