using Shop.Orders;

namespace Shop.ApiGateway.Orders;

/// <summary>The API names of order statuses: PENDING, STOCK_RESERVED, AWAITING_PAYMENT_ACTION, CONFIRMED, CANCELLED.</summary>
public static class OrderStatusNames
{
    /// <summary>The API name of a status.</summary>
    public static string Name(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "PENDING",
        OrderStatus.StockReserved => "STOCK_RESERVED",
        OrderStatus.AwaitingPaymentAction => "AWAITING_PAYMENT_ACTION",
        OrderStatus.Confirmed => "CONFIRMED",
        OrderStatus.Cancelled => "CANCELLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown order status."),
    };
}
