namespace Shop.Orders;

/// <summary>The orders of one customer (key = user id), newest first.</summary>
[Alias("shop.orders.IOrderHistoryGrain")]
public interface IOrderHistoryGrain : IGrainWithGuidKey
{
    /// <summary>Records an order (idempotent).</summary>
    [Alias("Add")]
    Task Add(Guid orderId, DateTimeOffset placedAt);

    /// <summary>One page of order ids, newest first, with the total count.</summary>
    [Alias("List")]
    Task<OrderIdPage> List(int page, int pageSize);
}
