namespace Shop.Orders;

/// <summary>
/// One order and its state machine (key = order id). Placing it starts the saga; it follows the saga as an implicit
/// subscriber of the order stream, and a reminder drives it to a terminal state if it is stuck past its deadline.
/// </summary>
[Alias("shop.orders.IOrderGrain")]
public interface IOrderGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Places the order from the cart: persists it PENDING, empties the cart, emits OrderPlaced. Placing an order
    /// that exists already returns it unchanged (idempotent retries); an empty cart is a business-rule refusal (422).
    /// </summary>
    [Alias("Place")]
    Task<OrderView> Place(PlaceOrder command);

    /// <summary>The order, or null when no order has this id.</summary>
    [Alias("GetOrder")]
    Task<OrderView?> GetOrder();

    /// <summary>
    /// Cancels the order for its customer. Cancelling a cancelled order is a no-op; a confirmed order cannot be
    /// cancelled (422); another customer's order is not found (404).
    /// </summary>
    [Alias("Cancel")]
    Task<OrderView> Cancel(Guid customerId);
}
