using Shop.Orders;
using Shop.Orders.Admin;
using Shop.Orders.Events;

namespace Shop.Grains.Orders.ReadModel;

/// <summary>
/// The order read model of the embedded defaults (memory storage): process memory, so it starts empty like the memory
/// grain storage does, and it sees the orders of the silo it runs in (one silo in the embedded shop).
/// </summary>
public sealed class InMemoryOrderReadModel : IOrderReadModel
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Dictionary<Guid, OrderEvent>> events = [];
    private readonly Dictionary<Guid, OrderSummary> summaries = [];

    /// <inheritdoc />
    public Task<bool> Record(OrderEvent orderEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        lock (gate)
        {
            if (!events.TryGetValue(orderEvent.OrderId, out var known))
            {
                events[orderEvent.OrderId] = known = [];
            }

            if (!known.TryAdd(orderEvent.EventId, orderEvent))
            {
                return Task.FromResult(false);
            }

            Refold(orderEvent.OrderId, known.Values);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<OrderSearchPage> Search(OrderSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        lock (gate)
        {
            var matching = summaries.Values.Where(s => Matches(s, search with { Status = null })).ToList();
            var counts = matching.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count());
            var filtered = search.Status is { } status ? matching.Where(s => s.Status == status).ToList() : matching;
            var items = Sorted(filtered, search.Sort).Skip((search.Page - 1) * search.PageSize).Take(search.PageSize).ToList();
            return Task.FromResult(new OrderSearchPage { Items = items, Total = filtered.Count, StatusCounts = counts });
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OrderEvent>> Events(Guid orderId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(events.TryGetValue(orderId, out var known) ? OrderProjection.Ordered(known.Values) : (IReadOnlyList<OrderEvent>)[]);
        }
    }

    /// <inheritdoc />
    public Task<OrderSummary?> Find(Guid orderId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(summaries.GetValueOrDefault(orderId));
        }
    }

    /// <inheritdoc />
    public Task<StuckOrders> Stuck(DateTimeOffset lastStepBefore, int limit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var stuck = summaries.Values
                .Where(s => s.Status is not (OrderStatus.Confirmed or OrderStatus.Cancelled) && s.LastStepAt < lastStepBefore)
                .ToList();
            return Task.FromResult(new StuckOrders
            {
                LastStepBefore = lastStepBefore,
                Counts = stuck.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count()),
                Items = [.. Sorted(stuck, OrderSort.LastStepOldest).Take(limit)],
            });
        }
    }

    /// <inheritdoc />
    public Task<int> Rebuild(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            summaries.Clear();
            foreach (var (orderId, known) in events)
            {
                Refold(orderId, known.Values);
            }

            return Task.FromResult(summaries.Count);
        }
    }

    private void Refold(Guid orderId, IEnumerable<OrderEvent> known)
    {
        if (OrderProjection.Summarize(known) is { } summary)
        {
            summaries[orderId] = summary;
        }
    }

    private static bool Matches(OrderSummary s, OrderSearch q) =>
        (q.Status is not { } status || s.Status == status)
        && (q.PlacedFrom is not { } from || s.CreatedAt >= from)
        && (q.PlacedTo is not { } to || s.CreatedAt < to)
        && (q.CustomerEmail is not { } email || string.Equals(s.CustomerEmail, email, StringComparison.OrdinalIgnoreCase))
        && (q.Sku is not { } sku || s.Skus.Contains(sku, StringComparer.Ordinal))
        && (q.PaymentMethod is not { } method || s.PaymentMethod == method)
        && (q.MinTotalMinor is not { } min || s.Total.AmountMinor >= min)
        && (q.MaxTotalMinor is not { } max || s.Total.AmountMinor <= max)
        && (q.UserId is not { } user || s.UserId == user);

    private static IEnumerable<OrderSummary> Sorted(IEnumerable<OrderSummary> rows, OrderSort sort) => sort switch
    {
        OrderSort.Oldest => rows.OrderBy(s => s.CreatedAt).ThenBy(s => s.OrderId),
        OrderSort.TotalDescending => rows.OrderByDescending(s => s.Total.AmountMinor).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.OrderId),
        OrderSort.TotalAscending => rows.OrderBy(s => s.Total.AmountMinor).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.OrderId),
        OrderSort.LastStepOldest => rows.OrderBy(s => s.LastStepAt).ThenBy(s => s.OrderId),
        _ => rows.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.OrderId),
    };
}
