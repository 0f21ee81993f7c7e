using Shop.Common;
using Shop.Orders;

namespace Shop.Grains.Orders;

/// <summary>The orders of one customer (key = user id), newest first.</summary>
public sealed class OrderHistoryGrain(
    [PersistentState("state", StorageNames.Orders)] IPersistentState<OrderHistoryState> state) : Grain, IOrderHistoryGrain
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    /// <inheritdoc />
    public async Task Add(Guid orderId, DateTimeOffset placedAt)
    {
        if (state.State.Orders.TryAdd(orderId, placedAt))
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<OrderIdPage> List(int page, int pageSize)
    {
        if (page < 1)
        {
            throw ShopException.Validation("page", "Page must be 1 or more.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw ShopException.Validation("pageSize", $"Page size must be between 1 and {MaxPageSize}.");
        }

        var ids = state.State.Orders.OrderByDescending(o => o.Value).ThenBy(o => o.Key)
            .Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize).Select(o => o.Key).ToList();
        return Task.FromResult(new OrderIdPage(ids, state.State.Orders.Count));
    }
}
