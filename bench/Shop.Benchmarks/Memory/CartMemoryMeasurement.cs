using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.Carts;
using Shop.Catalog;
using Shop.Common;
using Shop.Inventory;
using Shop.Silo;

namespace Shop.Benchmarks.Memory;

/// <summary>
/// Managed heap per idle cart activation: a silo on embedded defaults in this process, N carts each given one line
/// and then left idle, the heap compared after full blocking collections before and after. The figure includes
/// everything a cart costs the silo: the activation, its state, and the memory storage's copy of that state.
/// </summary>
public static class CartMemoryMeasurement
{
    private const int Batch = 500;
    private const string Sku = "MEM-CART-1";

    /// <summary>Activates <paramref name="carts"/> carts and prints bytes per cart.</summary>
    public static async Task<int> RunAsync(int carts)
    {
        using var host = Silo();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IProductGrain>(Sku).Create(new ProductDraft
        {
            Name = "Memory benchmark item",
            Price = new Money(1_000, "EUR"),
            Category = "bench",
            Published = true,
        });
        await grains.GetGrain<IStockItemGrain>(Sku).SetOnHand(1_000_000);

        // Warm up the code paths (and the activation directory's growth) on other carts first.
        await Fill(grains, "warm", 2_000);
        var before = Heap();
        var started = Stopwatch.GetTimestamp();
        await Fill(grains, "idle", carts);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var after = Heap();
        var perCart = (after - before) / (double)carts;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{carts} idle carts with one line: managed heap {before / 1048576.0:0.0} MB -> {after / 1048576.0:0.0} MB, {perCart:0} bytes per cart activation (filled in {seconds:0.0} s, {carts / seconds:0} carts/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cart_heap_bytes_per_activation={perCart:0}"));
        await host.StopAsync();
        return 0;
    }

    private static async Task Fill(IGrainFactory grains, string prefix, int count)
    {
        for (var start = 0; start < count; start += Batch)
        {
            var end = Math.Min(count, start + Batch);
            await Task.WhenAll(Enumerable.Range(start, end - start)
                .Select(i => grains.GetGrain<ICartGrain>(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}")).AddLine(Sku, 1)));
        }
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static IHost Silo()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark", DisableDefaults = true });
        var folder = Path.Combine(Path.GetTempPath(), "shop-bench-memory");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:Orleans:SiloPort"] = FreePort(),
            ["Shop:Orleans:GatewayPort"] = FreePort(),
            ["Shop:Orleans:ClusterId"] = "bench-memory",
            ["Shop:Search:Lucene:InMemory"] = "true",
            ["Shop:Seed:Demo"] = "false",
            ["Shop:Email:PickupFolder"] = folder,
        });
        builder.AddShopSilo();
        return builder.Build();
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
