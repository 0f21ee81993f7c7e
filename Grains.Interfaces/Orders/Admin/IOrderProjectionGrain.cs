using Shop.Orders.Events;

namespace Shop.Orders.Admin;

/// <summary>
/// The writer of the order read model for one order (key = order id): an implicit subscriber of the order stream that
/// records every saga event it receives, idempotently by event id.
/// </summary>
[Alias("shop.orders.admin.IOrderProjectionGrain")]
public interface IOrderProjectionGrain : IGrainWithGuidKey
{
    /// <summary>Records one event of this order (what the stream delivers; also a replay by hand). Returns whether it was new.</summary>
    [Alias("Record")]
    Task<bool> Record(OrderEvent orderEvent);
}
