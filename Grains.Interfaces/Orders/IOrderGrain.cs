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

    /// <summary>
    /// Cancels the order for shop staff (reason <see cref="CancellationReason.CancelledByShop"/>), compensated as a
    /// customer's cancel. Cancelling a cancelled order is a no-op; a confirmed one is refused (409
    /// <c>order.final</c>); an unknown one is not found (404).
    /// </summary>
    [Alias("CancelByShop")]
    Task<OrderView> CancelByShop(Guid adminId);

    /// <summary>
    /// Refunds a confirmed order in full or per line through the payment provider (idempotent by
    /// <see cref="Admin.AdminRefund.RefundId"/>). Not confirmed: 409 <c>order.not_confirmed</c>; more units than
    /// ordered and not refunded yet: 422 <c>refund.exceeds_paid</c>; cash on delivery: 422 <c>refund.not_card</c>.
    /// </summary>
    [Alias("Refund")]
    Task<OrderView> Refund(Admin.AdminRefund refund);

    /// <summary>Sends the confirmation e-mail of a confirmed order again (once per <paramref name="requestId"/>); 409 when not confirmed.</summary>
    [Alias("ResendConfirmation")]
    Task<OrderView> ResendConfirmation(Guid adminId, string requestId);

    /// <summary>
    /// Records that a confirmed cash-on-delivery order was paid on delivery (a no-op the second time). 409 when not
    /// confirmed, 422 <c>payment.not_cash_on_delivery</c> for a card order.
    /// </summary>
    [Alias("MarkPaid")]
    Task<OrderView> MarkPaid(Guid adminId);
}
