using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// One of the two hosts in this process (its real Program and pipeline), on the embedded defaults with free ports,
/// plus the settings a test adds. <typeparamref name="TEntryPoint"/> is any type of the host's assembly.
/// </summary>
public sealed class HostApp<TEntryPoint>(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var clusterId = "deploy-" + Guid.NewGuid().ToString("N")[..8];
        builder.UseEnvironment("Development");
        var defaults = new Dictionary<string, string?>
        {
            ["Shop:Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Shop:Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Shop:Orleans:ClusterId"] = clusterId,
            ["Shop:Gateway:GrpcPort"] = "0",
            ["Shop:Auth:SigningKey"] = "deploy-tests-signing-key-0123456789-abcdefghijklmnop",
            ["Shop:Search:Lucene:InMemory"] = "true",
            ["Shop:Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), "shop-deploy-tests", clusterId),
        };
        foreach (var (key, value) in defaults.Concat(settings))
        {
            builder.UseSetting(key, value);
        }
    }
}
