using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Shop.Silo;

namespace Shop.Benchmarks.Hosting;

/// <summary>A shop silo in this process on the embedded defaults (memory storage, Lucene in memory, no demo data).</summary>
public static class BenchSilo
{
    /// <summary>
    /// Builds the silo of cluster <paramref name="clusterId"/>; <paramref name="configure"/> changes its services, and
    /// environment variables override the settings as they do the shop's.
    /// </summary>
    public static IHost Build(string clusterId, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:Orleans:SiloPort"] = FreePort(),
            ["Shop:Orleans:GatewayPort"] = FreePort(),
            ["Shop:Orleans:ClusterId"] = clusterId,
            ["Shop:Search:Lucene:InMemory"] = "true",
            ["Shop:Seed:Demo"] = "false",
            ["Shop:Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), $"shop-bench-{clusterId}"),
        });
        builder.Configuration.AddEnvironmentVariables();
        builder.AddShopSilo();
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
