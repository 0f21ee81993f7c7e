using Shop.Grains.Tests.Support;
using Shop.Integration.Tests.Fixtures;
using Shop.Payments;

namespace Shop.Integration.Tests;

/// <summary>
/// A silo killed without a graceful stop under a stream of orders (DESIGN.md section 9): every accepted order still
/// ends CONFIRMED or CANCELLED, no payment is taken twice and stock is conserved. Saga events in memory streams die
/// with the silo; the order deadline reminder (in PostgreSQL) must finish those orders on the survivors.
/// </summary>
[Collection(ServersFixtures.Name)]
public sealed class FailoverTests(PostgresServer postgres)
{
    private const int Orders = 30;
    private const int KillAfter = 10;
    private const long InitialStock = 1000;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Every_accepted_order_ends_confirmed_or_cancelled_once_charged_with_stock_conserved_when_a_silo_is_killed()
    {
        await using var shop = await StartCluster();
        var driver = new ShopDriver(shop.Client);
        var sku = await driver.Product(stock: InitialStock);
        var payments = OrderOutcomes.PaymentGateways(shop.Cluster);

        var attempted = new List<Guid>();
        for (var i = 0; i < Orders; i++)
        {
            if (i == KillAfter)
            {
                await shop.Cluster.KillSiloAsync(shop.Cluster.Silos[^1]);
            }

            var card = i % 2 == 0;
            attempted.Add(await OrderOutcomes.TryCheckout(driver, sku, card ? PaymentMethod.Card : PaymentMethod.CashOnDelivery, card ? "tok_visa" : null));
        }

        var accepted = await OrderOutcomes.Accepted(driver, attempted);
        Assert.True(accepted.Count >= Orders - KillAfter, $"only {accepted.Count} of {Orders} orders were accepted");
        await Eventually.Until(() => OrderOutcomes.AllFinished(driver, accepted), SettleTimeout, "every accepted order to be CONFIRMED or CANCELLED");
        await Eventually.Value(
            () => driver.Level(sku), level => level.Reserved == 0 && level.OnHand + level.Committed == InitialStock,
            SettleTimeout, "no units reserved and on hand + committed == initial");
        OrderOutcomes.NoneChargedTwice(payments, accepted);
    }

    private async Task<ShopTestCluster> StartCluster()
    {
        var database = await postgres.CreateDatabaseAsync("failover");
        var settings = Settings.Production(database, redis: null, Settings.NewServiceId("failover"));
        // The test cluster's own membership: what is under test is state and reminders on PostgreSQL after a kill.
        settings["Shop:Orleans:Clustering"] = "Localhost";
        // Short holds and deadlines, so orders whose saga events died with the silo finish within the test.
        settings["Shop:Saga:ReservationHold"] = "00:00:03";
        settings["Shop:Saga:OrderDeadline"] = "00:00:06";
        settings["Shop:Auth:PasswordHashIterations"] = "1000";
        // Reminders tick every MinimumReminderPeriod at least (a minute by default): lowered so that a reservation
        // whose outcome died with the silo repeats its expiry, and the order its outcome, within the test.
        return await ShopTestCluster.StartAsync(
            settings, silos: 3, configureSilo: silo => silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(2)));
    }
}
