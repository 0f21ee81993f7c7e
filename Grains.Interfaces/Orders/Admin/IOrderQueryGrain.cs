namespace Shop.Orders.Admin;

/// <summary>
/// The shop staff's reads of the order read model (a stateless worker, key 0): the order list, one order with its
/// saga timeline, the stuck orders, and the rebuild of the read model from the events it recorded.
/// </summary>
[Alias("shop.orders.admin.IOrderQueryGrain")]
public interface IOrderQueryGrain : IGrainWithIntegerKey
{
    /// <summary>One page of orders; a bad filter is refused (400) naming it.</summary>
    [Alias("Search")]
    Task<OrderSearchPage> Search(OrderSearch search);

    /// <summary>One order and its timeline (saga events and e-mails), or null when the read model has no such order.</summary>
    [Alias("GetOrder")]
    Task<OrderDetail?> GetOrder(Guid orderId);

    /// <summary>
    /// Non-final orders whose last step is older than <paramref name="threshold"/> (null: the silo's
    /// <c>Shop:Orders:StuckAfter</c>); at most <paramref name="limit"/> listed.
    /// </summary>
    [Alias("Stuck")]
    Task<StuckOrders> Stuck(TimeSpan? threshold, int limit);

    /// <summary>Folds every order of the read model again from its recorded events; returns how many orders it holds.</summary>
    [Alias("Rebuild")]
    Task<int> Rebuild();
}
