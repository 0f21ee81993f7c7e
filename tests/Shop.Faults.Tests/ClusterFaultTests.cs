using Shop.Faults.Tests.Cluster;
using Shop.Faults.Tests.Load;
using Shop.LoadTests.Scenarios;
using Xunit.Abstractions;

namespace Shop.Faults.Tests;

/// <summary>
/// What operations do to a running shop, on real processes of the silo and gateway builds (PostgreSQL, Redis, the Kafka
/// mock), each under a bounded purchase loop: afterwards every accepted order is there and CONFIRMED or CANCELLED, every
/// confirmed order is paid and no cancelled one stays charged, and the stock adds up. Recovery times are printed; what is
/// asserted is the outcome within generous deadlines. Outages last 10 s (30 s in the issue's table) to fit CI.
/// </summary>
[Collection(FaultServers.Name)]
public sealed class ClusterFaultTests(PostgresServer postgres, RedisServer redis, ITestOutputHelper output)
{
    private const long InitialStock = 100_000;
    private const int Shoppers = 4;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(150);

    [SkippableFact]
    public async Task A_silo_killed_under_checkout_load_is_served_around_and_no_accepted_order_is_lost_stuck_or_charged_wrongly()
    {
        await using var cluster = await FaultCluster.StartAsync(postgres, redis, "kill", silos: 3);
        var (sku, load) = await StartLoad(cluster);
        await using var _ = load;

        var faultAt = DateTimeOffset.UtcNow;
        await cluster.Silos[2]!.KillAsync();
        await ServedSteadily(load, faultAt);
        await load.AcceptedAtLeast(5);

        await Report("one of 3 silos killed (SIGKILL)", faultAt, cluster, load, sku);
    }

    [SkippableFact]
    public async Task After_every_process_is_killed_one_fresh_silo_and_gateway_serve_every_order_and_cart_from_before()
    {
        await using var cluster = await FaultCluster.StartAsync(postgres, redis, "crash", silos: 2);
        var (sku, load) = await StartLoad(cluster);
        await using var _ = load;
        var guest = await cluster.Api.GetAsync("/v1/cart");
        Assert.True((await cluster.Api.SendAsync(HttpMethod.Post, "/v1/cart/items", Json.Item(sku, 3), cartId: guest.CartId)).Ok);

        var faultAt = DateTimeOffset.UtcNow;
        await cluster.KillEverythingAsync();
        var restartAt = DateTimeOffset.UtcNow;
        await cluster.StartSiloAsync(FaultCluster.SiloSlots - 1);
        await cluster.StartGatewayAsync();
        var servedAfter = DateTimeOffset.UtcNow - restartAt;
        await ServedSteadily(load, restartAt);
        await load.AcceptedAtLeast(5);

        var cart = await cluster.Api.GetAsync("/v1/cart", cartId: guest.CartId);
        Assert.True(cart.Ok, $"the guest cart from before the crash: {cart.Status}");
        Assert.Contains(sku, System.Text.Encoding.UTF8.GetString(cart.Body), StringComparison.Ordinal);
        await Report("every process killed, then 1 fresh silo + gateway", faultAt, cluster, load, sku,
            $"fresh silo and gateway ready {servedAfter.TotalSeconds:0.0} s after they were started; the guest cart from before is there");
    }

    [SkippableFact]
    public async Task A_rolling_restart_of_every_silo_under_load_fails_no_read_and_refuses_writes_only_with_503()
    {
        await using var cluster = await FaultCluster.StartAsync(postgres, redis, "rolling", silos: 2);
        var (sku, load) = await StartLoad(cluster);
        await using var _ = load;

        var faultAt = DateTimeOffset.UtcNow;
        var left = new List<bool>();
        foreach (var (old, replacement) in new[] { (0, 2), (1, 3) })
        {
            // As a Deployment with maxUnavailable 0: the new pod is ready before the old one gets SIGTERM.
            await cluster.StartSiloAsync(replacement);
            left.Add(await cluster.Silos[old]!.TerminateAsync());
            await load.AcceptedAtLeast(3);
        }

        Assert.All(left, gracefully => Assert.True(gracefully, $"a silo did not leave within the {ShopProcess.GracePeriod.TotalSeconds} s grace period"));
        var after = load.Observations.Where(o => o.At >= faultAt).ToList();
        Assert.DoesNotContain(after, o => o.Read && !o.Served);
        Assert.DoesNotContain(after, o => !o.Read && !o.Served && o.Status != 503);
        await Report("rolling restart of both silos (SIGTERM, one at a time)", faultAt, cluster, load, sku);
    }

    [SkippableFact]
    public async Task PostgreSQL_stopped_for_a_while_gets_fast_503s_and_the_saga_resumes_when_it_is_back()
    {
        await using var cluster = await FaultCluster.StartAsync(postgres, redis, "postgres", silos: 2);
        var (sku, load) = await StartLoad(cluster);
        await using var _ = load;

        var faultAt = DateTimeOffset.UtcNow;
        try
        {
            await postgres.StopAsync();
            await RunsFor(load, faultAt, Outage);
        }
        finally
        {
            await postgres.StartAsync();
            // This process's own pooled connections (the fixture's) died with the server too.
            Npgsql.NpgsqlConnection.ClearAllPools();
        }

        var backAt = DateTimeOffset.UtcNow;
        await ServedSteadily(load, backAt);
        await load.AcceptedAtLeast(5);
        AssertRefusedOnlyWith503(load, faultAt);
        await Report($"PostgreSQL stopped {Outage.TotalSeconds} s", faultAt, cluster, load, sku);
    }

    [SkippableFact]
    public async Task Redis_stopped_for_a_while_gets_fast_503s_and_carts_are_back_with_it()
    {
        await using var cluster = await FaultCluster.StartAsync(postgres, redis, "redis", silos: 2);
        var (sku, load) = await StartLoad(cluster);
        await using var _ = load;

        var faultAt = DateTimeOffset.UtcNow;
        try
        {
            await redis.StopAsync();
            await RunsFor(load, faultAt, Outage);
        }
        finally
        {
            await redis.StartAsync();
        }

        await ServedSteadily(load, DateTimeOffset.UtcNow);
        await load.AcceptedAtLeast(5);
        AssertRefusedOnlyWith503(load, faultAt);
        await Report($"Redis stopped {Outage.TotalSeconds} s", faultAt, cluster, load, sku);
    }

    [SkippableFact]
    public async Task Every_Kafka_broker_down_for_a_while_holds_the_saga_and_nothing_is_lost()
    {
        await using var cluster = await FaultCluster.StartAsync(postgres, redis, "kafka", silos: 2);
        var (sku, load) = await StartLoad(cluster);
        await using var _ = load;

        var faultAt = DateTimeOffset.UtcNow;
        try
        {
            foreach (var broker in FaultCluster.Brokers)
            {
                cluster.Kafka.BrokerDown(broker);
            }

            await RunsFor(load, faultAt, Outage);
        }
        finally
        {
            foreach (var broker in FaultCluster.Brokers)
            {
                cluster.Kafka.BrokerUp(broker);
            }
        }

        await ServedSteadily(load, DateTimeOffset.UtcNow);
        await load.AcceptedAtLeast(5);
        AssertRefusedOnlyWith503(load, faultAt);
        await Report($"every Kafka broker down {Outage.TotalSeconds} s", faultAt, cluster, load, sku);
    }

    /// <summary>Creates the product the shoppers buy and starts the purchase loop; returns once orders are flowing.</summary>
    private static async Task<(string Sku, PurchaseLoad Load)> StartLoad(FaultCluster cluster)
    {
        var admin = await cluster.AdminTokenAsync();
        var sku = $"FLT-{Guid.NewGuid():N}"[..16];
        var product = Json.Of(new
        {
            sku,
            name = "Fault test item",
            description = "Bought while something breaks.",
            category = "faults",
            price = new { amountMinor = 1_000, currency = "EUR" },
            stock = InitialStock,
        });
        var created = await cluster.Api.SendAsync(HttpMethod.Post, "/v1/products", product, admin);
        Assert.True(created.Ok, $"creating the product: {created.Status} {created.Explanation()}");
        var load = await PurchaseLoad.StartAsync(cluster.Api, sku, Shoppers);
        await load.AcceptedAtLeast(5);
        return (sku, load);
    }

    /// <summary>Waits until reads have been served 2 s in a row after <paramref name="since"/>.</summary>
    private static Task ServedSteadily(PurchaseLoad load, DateTimeOffset since) =>
        Eventually.Until(
            () =>
            {
                var reads = load.Observations.Where(o => o.Read && o.At >= since).ToList();
                var lastRefused = reads.Where(o => !o.Served).Select(o => o.At).DefaultIfEmpty(since).Max();
                return Task.FromResult(reads.Count(o => o.At > lastRefused) >= 40);
            },
            Generous,
            "reads to be served steadily (40 in a row)");

    /// <summary>Holds an outage while the load keeps running into it for <paramref name="duration"/>.</summary>
    private static Task RunsFor(PurchaseLoad load, DateTimeOffset since, TimeSpan duration) =>
        Eventually.Until(
            () => Task.FromResult(load.Observations.Any(o => o.At - since >= duration)),
            duration + Generous,
            $"the load to run into the outage for {duration.TotalSeconds} s");

    /// <summary>During an outage the shop may refuse, but only with 503 (+ Retry-After) and never by hanging.</summary>
    private static void AssertRefusedOnlyWith503(PurchaseLoad load, DateTimeOffset since)
    {
        var refused = load.Observations.Where(o => o.At >= since && !o.Served).ToList();
        Assert.All(refused, o => Assert.True(o.Status is 503 or (>= 400 and < 500 and not 429),
            $"a {(o.Read ? "read" : "write")} got {(o.Status == 0 ? "no answer" : o.Status)}"));
    }

    /// <summary>Stops the load, waits until every order finished and the stock adds up, checks the invariants and prints the row.</summary>
    private async Task Report(string fault, DateTimeOffset faultAt, FaultCluster cluster, PurchaseLoad load, string sku, string note = "")
    {
        await load.StopAsync();
        var state = await Eventually.Value(
            () => ShopState.ReadAsync(cluster.Api, load.Shoppers, sku),
            s => s is { Unfinished: 0 } && s.StockConserved(InitialStock),
            SettleTimeout,
            "every order to finish and the stock to add up (logs in " + cluster.Logs + ")");
        var lost = load.Accepted.Except(state!.Orders.Select(o => o.Id)).ToList();
        Assert.Empty(lost);
        Assert.Empty(state.PaymentMismatches);
        FaultReport.Of(fault, faultAt, load, state, note).Print(output);
    }
}
