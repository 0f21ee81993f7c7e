using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.Benchmarks.Hosting;
using Shop.Carts;
using Shop.Catalog;
using Shop.Common;
using Shop.Inventory;

namespace Shop.Benchmarks.Memory;

/// <summary>
/// Managed heap per idle cart activation: a silo in this process, N carts each given one line and then left idle, the
/// heap compared after full blocking collections before and after. The figure includes everything a cart costs the
/// silo: the activation, its state, and (on the embedded default, memory storage) the storage's copy of that state.
/// Then the same number of activations of an empty grain (<see cref="IIdleProbeGrain"/>) are measured the same way:
/// that is Orleans' own floor per activation, which no cart can go below. Environment variables configure the silo
/// as they do the shop's (e.g. <c>Shop__Storage__carts=Redis ConnectionStrings__Redis=127.0.0.1:6379</c> keeps the
/// carts' state in Redis, out of this heap).
/// </summary>
public static class CartMemoryMeasurement
{
    private const int Batch = 500;
    private const string Sku = "MEM-CART-1";

    /// <summary>
    /// Activates <paramref name="carts"/> carts, then as many empty grains, and prints bytes per activation; then keeps
    /// the silo running for <paramref name="holdSeconds"/> so that a heap snapshot can be taken (dotnet-gcdump).
    /// </summary>
    public static async Task<int> RunAsync(int carts, int holdSeconds)
    {
        using var host = BenchSilo.Build("bench-memory");
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

        // Keys unique to this run (carts kept in Redis outlive it) and of one length, so carts and probes compare.
        var run = Convert.ToHexString(BitConverter.GetBytes(Random.Shared.Next()))[..6];
        ICartGrain Cart(string kind, int i) => grains.GetGrain<ICartGrain>(Key(run, kind, i));
        IIdleProbeGrain Probe(string kind, int i) => grains.GetGrain<IIdleProbeGrain>(Key(run, kind, i));

        // Warm up the code paths (and the activation directory's growth) on other grains first.
        await Fill(2_000, i => Cart("w", i).AddLine(Sku, 1));
        await Fill(2_000, i => Probe("w", i).Touch());
        var cart = await Measure(carts, i => Cart("c", i).AddLine(Sku, 1));
        var floor = await Measure(carts, i => Probe("p", i).Touch());
        var storage = host.Services.GetRequiredService<IConfiguration>()[$"Shop:Storage:{StorageNames.Carts}"] ?? "Memory";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{carts} idle carts with one line (storage '{StorageNames.Carts}' on {storage}): {cart}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{carts} empty grains (Orleans' floor): {floor}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cart_heap_bytes_per_activation={cart.PerActivation:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"empty_grain_heap_bytes_per_activation={floor.PerActivation:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cart_heap_bytes_above_floor={cart.PerActivation - floor.PerActivation:0}"));
        if (holdSeconds > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"holding for {holdSeconds} s: dotnet-gcdump collect -p {Environment.ProcessId}"));
            await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
        }

        await host.StopAsync();
        return 0;
    }

    private static string Key(string run, string kind, int i) => string.Create(CultureInfo.InvariantCulture, $"{run}-{kind}-{i:D6}");

    private static async Task<HeapDelta> Measure(int count, Func<int, Task> activate)
    {
        var before = Heap();
        var started = Stopwatch.GetTimestamp();
        await Fill(count, activate);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new HeapDelta(count, before, Heap(), seconds);
    }

    private static async Task Fill(int count, Func<int, Task> activate)
    {
        for (var start = 0; start < count; start += Batch)
        {
            var end = Math.Min(count, start + Batch);
            await Task.WhenAll(Enumerable.Range(start, end - start).Select(activate));
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

    private sealed record HeapDelta(int Count, long Before, long After, double Seconds)
    {
        public double PerActivation => (After - Before) / (double)Count;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"managed heap {Before / 1048576.0:0.0} MB -> {After / 1048576.0:0.0} MB, {PerActivation:0} bytes per activation (activated in {Seconds:0.0} s, {Count / Seconds:0}/s)");
    }
}
