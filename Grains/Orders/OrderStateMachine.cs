using Shop.Common;
using Shop.Orders;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Grains.Orders;

/// <summary>
/// The order's state machine (pure, unit-tested). It applies a saga event or a command to an
/// <see cref="OrderState"/> and returns the event the order must emit, if any (its own fields only: the grain stamps
/// id, order and time). CONFIRMED and CANCELLED are terminal: later events are ignored, except the refund events
/// (RefundPending, PaymentRefunded), which are recorded in the payment view.
/// </summary>
public static class OrderStateMachine
{
    /// <summary>Applies a saga event; returns OrderConfirmed or OrderCancelled when the order reached that state.</summary>
    public static OrderEvent? Apply(OrderState order, OrderEvent orderEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(orderEvent);
        if (orderEvent is PaymentRefunded or RefundPending)
        {
            RecordRefund(order, orderEvent, now);
            return null;
        }

        if (order.IsTerminal)
        {
            return null;
        }

        switch (orderEvent)
        {
            case StockReservationFailed:
                return Cancel(order, CancellationReason.OutOfStock, now);
            case ReservationExpired:
                return Cancel(order, CancellationReason.ReservationExpired, now);
            case StockReserved when order.Status == OrderStatus.Pending:
                order.Status = OrderStatus.StockReserved;
                order.UpdatedAt = now;
                return null;
            case PaymentActionRequired action when order.Status is OrderStatus.Pending or OrderStatus.StockReserved:
                order.Status = OrderStatus.AwaitingPaymentAction;
                order.Payment = new PaymentView
                {
                    Method = order.PaymentMethod,
                    Status = PaymentStatus.RequiresAction,
                    Amount = order.Total,
                    ClientSecret = action.ClientSecret,
                };
                order.UpdatedAt = now;
                return null;
            case PaymentSucceeded paid:
                order.Status = OrderStatus.Confirmed;
                order.Payment = new PaymentView
                {
                    Method = order.PaymentMethod,
                    Status = order.PaymentMethod == PaymentMethod.CashOnDelivery ? PaymentStatus.CashOnDeliveryAccepted : PaymentStatus.Succeeded,
                    Amount = paid.Amount,
                    ProviderReference = paid.ProviderReference,
                };
                order.UpdatedAt = now;
                return new OrderConfirmed { UserId = order.UserId, Recipient = order.Recipient, Order = order.ToView() };
            case PaymentFailed failed:
                order.Payment = new PaymentView
                {
                    Method = order.PaymentMethod,
                    Status = PaymentStatus.Failed,
                    Amount = order.Total,
                    FailureReason = failed.Reason,
                };
                return Cancel(order, CancellationReason.PaymentDeclined, now);
            default:
                return null;
        }
    }

    /// <summary>Cancels a non-terminal order; returns the OrderCancelled to emit, or null when it is terminal already.</summary>
    public static OrderCancelled? Cancel(OrderState order, CancellationReason reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.IsTerminal)
        {
            return null;
        }

        order.Status = OrderStatus.Cancelled;
        order.Reason = reason;
        order.UpdatedAt = now;
        return new OrderCancelled { UserId = order.UserId, Reason = reason, Recipient = order.Recipient };
    }

    /// <summary>Records a refund made (REFUNDED) or still being retried (REFUND_PENDING) in the payment view.</summary>
    private static void RecordRefund(OrderState order, OrderEvent orderEvent, DateTimeOffset now)
    {
        var (status, amount, refunded) = orderEvent switch
        {
            PaymentRefunded made => (PaymentStatus.Refunded, made.Amount, (Money?)made.Amount),
            RefundPending pending => (PaymentStatus.RefundPending, pending.Amount, null),
            _ => throw new ArgumentOutOfRangeException(nameof(orderEvent), orderEvent.GetType().Name, "Not a refund event."),
        };
        order.Payment = (order.Payment ?? new PaymentView { Method = order.PaymentMethod, Status = status, Amount = amount })
            with
        { Status = status, Refunded = refunded };
        order.UpdatedAt = now;
    }
}
