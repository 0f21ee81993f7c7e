using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Shop.Common;
using Shop.Notifications;
using Shop.Orders.Admin;

namespace Shop.Grains.Orders.ReadModel;

/// <summary>
/// The shop staff's reads of the order read model. A stateless worker: reads run beside each other on every silo
/// and never queue behind one activation. The timeline adds the e-mails the order's notification grain sent.
/// </summary>
[StatelessWorker]
public sealed class OrderQueryGrain(
    IOrderReadModel readModel,
    IOptions<OrderAdminOptions> options,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock) : Grain, IOrderQueryGrain
{
    /// <summary>Most stuck orders one answer lists.</summary>
    public const int MaxStuckListed = 200;

    /// <inheritdoc />
    public Task<OrderSearchPage> Search(OrderSearch search)
    {
        OrderSearchRules.Validate(search);
        return readModel.Search(search with { CustomerEmail = search.CustomerEmail?.Trim().ToLowerInvariant() });
    }

    /// <inheritdoc />
    public async Task<OrderDetail?> GetOrder(Guid orderId)
    {
        var summary = await readModel.Find(orderId);
        if (summary is null)
        {
            return null;
        }

        var events = await readModel.Events(orderId);
        var sent = await GrainFactory.GetGrain<INotificationGrain>(orderId).GetSent();
        return new OrderDetail { Summary = summary, Timeline = OrderProjection.Timeline(events, sent) };
    }

    /// <inheritdoc />
    public Task<StuckOrders> Stuck(TimeSpan? threshold, int limit)
    {
        var olderThan = threshold ?? options.Value.StuckAfter;
        if (olderThan <= TimeSpan.Zero || olderThan > TimeSpan.FromDays(30))
        {
            throw ShopException.Validation("olderThanSeconds", "olderThanSeconds must be between 1 second and 30 days.");
        }

        if (limit is < 1 or > MaxStuckListed)
        {
            throw ShopException.Validation("limit", $"limit must be between 1 and {MaxStuckListed}.");
        }

        return readModel.Stuck(clock.GetUtcNow() - olderThan, limit);
    }

    /// <inheritdoc />
    public Task<int> Rebuild() => readModel.Rebuild();
}
