using Shop.Orders.Admin;
using Shop.Orders.Events;

namespace Shop.Grains.Orders.ReadModel;

/// <summary>
/// The port to the order read model: the shop's queryable copy of every order, kept from the saga events (grain state
/// is not queryable). It stores each order's events once (keyed by order id and event id) and the summary that
/// <see cref="OrderProjection"/> folds from them, so recording an event twice, or replaying a stream, changes nothing.
/// Adapters: PostgreSQL tables of the shop's own (with PostgreSQL order storage) and an in-memory one.
/// </summary>
public interface IOrderReadModel
{
    /// <summary>Records one event and refolds its order's summary; returns false when the event was recorded before.</summary>
    Task<bool> Record(OrderEvent orderEvent, CancellationToken cancellationToken = default);

    /// <summary>One page of summaries matching <paramref name="search"/> (already validated), with counts per status.</summary>
    Task<OrderSearchPage> Search(OrderSearch search, CancellationToken cancellationToken = default);

    /// <summary>The recorded events of one order, oldest first; empty when none.</summary>
    Task<IReadOnlyList<OrderEvent>> Events(Guid orderId, CancellationToken cancellationToken = default);

    /// <summary>One order's summary, or null.</summary>
    Task<OrderSummary?> Find(Guid orderId, CancellationToken cancellationToken = default);

    /// <summary>Non-final orders whose last step is before <paramref name="lastStepBefore"/>: counts per status and the longest waiting.</summary>
    Task<StuckOrders> Stuck(DateTimeOffset lastStepBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>Drops every summary and folds each order again from its recorded events; returns the number of orders.</summary>
    Task<int> Rebuild(CancellationToken cancellationToken = default);
}
