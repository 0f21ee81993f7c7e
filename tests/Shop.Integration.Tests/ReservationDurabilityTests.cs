using Shop.Grains.Tests.Support;
using Shop.Integration.Tests.Fixtures;
using Shop.Inventory;
using Shop.Payments;

namespace Shop.Integration.Tests;

/// <summary>
/// Reminders survive a full stop (issue 3): a stock reservation whose hold expired while no silo ran is released by its
/// reminder, from PostgreSQL, once a new cluster starts on the same database.
/// </summary>
[Collection(ServersFixtures.Name)]
public sealed class ReservationDurabilityTests(PostgresServer postgres)
{
    private const long InitialStock = 10;
    // Long enough for a checkout and a graceful stop on a loaded 2-core machine before the hold ends.
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(20);

    [SkippableFact]
    public async Task A_reservation_whose_hold_expired_while_the_cluster_was_down_is_released_when_a_new_cluster_starts()
    {
        var settings = await SettingsWithShortHold();
        string sku;
        DateTime holdEnds;
        await using (var before = await StartCluster(settings))
        {
            var shop = new ShopDriver(before.Client);
            sku = await shop.Product(stock: InitialStock);
            var (buyer, _) = await shop.User();
            // A card that needs customer action keeps the order waiting, so only the hold can end the reservation.
            var orderId = await shop.Checkout(buyer, sku, quantity: 2, PaymentMethod.Card, "tok_threeDSecure2Required");
            holdEnds = DateTime.UtcNow + Hold;
            await shop.ReservationReaches(orderId, ReservationStatus.Reserved);
        }

        Assert.True(DateTime.UtcNow < holdEnds, "the cluster stopped only after the hold ended; the test proves nothing then");
        await UntilPassed(holdEnds);

        await using var after = await StartCluster(settings);
        // Only the stock item is asked: the reservation grain is activated by nothing but its reminder.
        var driver = new ShopDriver(after.Client);
        await Eventually.Until(async () => (await driver.Level(sku)).Reserved == 0, ReleaseTimeout, "the expired hold to be released");
        Assert.Equal(InitialStock, (await driver.Level(sku)).OnHand);
    }

    private async Task<Dictionary<string, string?>> SettingsWithShortHold()
    {
        var database = await postgres.CreateDatabaseAsync("hold_durability");
        var settings = Settings.Production(database, redis: null, Settings.NewServiceId("hold-durability"));
        settings["Shop:Saga:ReservationHold"] = Hold.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        settings["Shop:Saga:OrderDeadline"] = "00:05:00";
        settings["Shop:Auth:PasswordHashIterations"] = "1000";
        return settings;
    }

    // Reminders tick every MinimumReminderPeriod at least; lowered so a missed tick comes round within seconds.
    private static Task<ShopTestCluster> StartCluster(IReadOnlyDictionary<string, string?> settings) =>
        ShopTestCluster.StartAsync(settings, silos: 1,
            configureSilo: silo => silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(2)));

    /// <summary>Waits, with the cluster down, until <paramref name="moment"/> has passed: the outage itself, not an assertion.</summary>
    private static async Task UntilPassed(DateTime moment)
    {
        var remaining = moment - DateTime.UtcNow;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining + TimeSpan.FromMilliseconds(500));
        }
    }
}
