using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Shop.Grains.Orders;
using Shop.Grains.Tests.Support;

namespace Shop.Grains.Tests.Cluster;

/// <summary>
/// A cluster whose stock holds run out after 2 seconds and orders time out after 8 (room for the expiry to travel the stream on a busy machine); its publisher loses the
/// OrderPlaced of the orders listed in <see cref="LostOrders"/>, so those orders get stuck and meet their deadline, and
/// the first outcome of the orders in <see cref="LostOutcomes"/>. Reminders may tick every 2 seconds.
/// </summary>
public sealed class ShortHoldClusterFixture : ShopClusterFixture
{
    /// <summary>Orders whose OrderPlaced is lost.</summary>
    public ConcurrentDictionary<Guid, bool> LostOrders { get; } = new();

    /// <summary>Orders whose first OrderConfirmed or OrderCancelled is lost.</summary>
    public ConcurrentDictionary<Guid, bool> LostOutcomes { get; } = new();

    /// <inheritdoc />
    protected override Dictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Shop:Saga:ReservationHold"] = "00:00:02";
            settings["Shop:Saga:OrderDeadline"] = "00:00:08";
            return settings;
        }
    }

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ISagaEventPublisher>(sp => new LossySagaEventPublisher(sp.GetRequiredService<StreamSagaEventPublisher>(), LostOrders, LostOutcomes));
        // So a hold reminder ticks again within seconds (the repeat of an expiry).
        services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(2));
    }
}
