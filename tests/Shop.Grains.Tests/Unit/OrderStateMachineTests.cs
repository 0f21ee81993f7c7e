using Shop.Common;
using Shop.Grains.Orders;
using Shop.Grains.Tests.Support;
using Shop.Orders;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Grains.Tests.Unit;

public sealed class OrderStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<OrderStatus, string> TerminalStatesAndEvents()
    {
        var data = new TheoryData<OrderStatus, string>();
        foreach (var status in new[] { OrderStatus.Confirmed, OrderStatus.Cancelled })
        {
            foreach (var name in EventNames)
            {
                data.Add(status, name);
            }
        }

        return data;
    }

    private static readonly string[] EventNames =
        ["StockReservationFailed", "StockReserved", "PaymentActionRequired", "PaymentSucceeded", "PaymentFailed", "OrderPlaced", "OrderConfirmed", "OrderCancelled", "ReservationExpired", "PaymentVoided"];

    private static OrderEvent Event(string name, OrderState order)
    {
        var (id, orderId) = (Guid.NewGuid(), order.OrderId);
        return name switch
        {
            "StockReservationFailed" => new StockReservationFailed { EventId = id, OrderId = orderId, OccurredAt = Now, Sku = "SKU-1" },
            "StockReserved" => new StockReserved { EventId = id, OrderId = orderId, OccurredAt = Now },
            "PaymentActionRequired" => new PaymentActionRequired { EventId = id, OrderId = orderId, OccurredAt = Now, ClientSecret = "secret" },
            "PaymentSucceeded" => new PaymentSucceeded { EventId = id, OrderId = orderId, OccurredAt = Now, Amount = order.Total, ProviderReference = "pi_1" },
            "PaymentFailed" => new PaymentFailed { EventId = id, OrderId = orderId, OccurredAt = Now, Reason = "card_declined" },
            "PaymentRefunded" => new PaymentRefunded { EventId = id, OrderId = orderId, OccurredAt = Now, Amount = order.Total },
            "RefundPending" => new RefundPending { EventId = id, OrderId = orderId, OccurredAt = Now, Amount = order.Total, Attempts = 1, NextAttemptAt = Now.AddMinutes(1) },
            "ReservationExpired" => new ReservationExpired { EventId = id, OrderId = orderId, OccurredAt = Now },
            "PaymentVoided" => new PaymentVoided { EventId = id, OrderId = orderId, OccurredAt = Now },
            "OrderPlaced" => new OrderPlaced
            {
                EventId = id,
                OrderId = orderId,
                OccurredAt = Now,
                UserId = order.UserId,
                Lines = order.Lines,
                Total = order.Total,
                PaymentMethod = order.PaymentMethod,
            },
            "OrderConfirmed" => new OrderConfirmed { EventId = id, OrderId = orderId, OccurredAt = Now, UserId = order.UserId },
            "OrderCancelled" => new OrderCancelled { EventId = id, OrderId = orderId, OccurredAt = Now, UserId = order.UserId, Reason = CancellationReason.TimedOut },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    private static OrderEvent? Apply(OrderState order, string eventName) => OrderStateMachine.Apply(order, Event(eventName, order), Now);

    [Fact]
    public void Stock_reservation_failure_cancels_a_pending_order_as_out_of_stock()
    {
        var order = new OrderStateBuilder().Build();

        var emitted = Assert.IsType<OrderCancelled>(Apply(order, "StockReservationFailed"));

        Assert.Equal((OrderStatus.Cancelled, CancellationReason.OutOfStock), (order.Status, order.Reason));
        Assert.Equal((order.UserId, CancellationReason.OutOfStock, order.Recipient), (emitted.UserId, emitted.Reason, emitted.Recipient));
    }

    [Fact]
    public void Stock_reserved_moves_a_pending_order_to_stock_reserved_without_emitting()
    {
        var order = new OrderStateBuilder().Build();

        Assert.Null(Apply(order, "StockReserved"));

        Assert.Equal(OrderStatus.StockReserved, order.Status);
    }

    [Fact]
    public void Stock_reserved_after_the_payment_asked_for_action_is_ignored()
    {
        var order = new OrderStateBuilder().In(OrderStatus.AwaitingPaymentAction).Build();

        Assert.Null(Apply(order, "StockReserved"));

        Assert.Equal(OrderStatus.AwaitingPaymentAction, order.Status);
    }

    [Fact]
    public void Payment_action_required_waits_for_the_customer_and_keeps_the_client_secret()
    {
        var order = new OrderStateBuilder().In(OrderStatus.StockReserved).Build();

        Assert.Null(Apply(order, "PaymentActionRequired"));

        Assert.Equal(OrderStatus.AwaitingPaymentAction, order.Status);
        Assert.Equal((PaymentStatus.RequiresAction, "secret"), (order.Payment?.Status, order.Payment?.ClientSecret));
    }

    [Theory]
    [InlineData(OrderStatus.StockReserved)]
    [InlineData(OrderStatus.AwaitingPaymentAction)]
    public void Payment_succeeded_confirms_the_order_and_emits_order_confirmed_with_the_customer(OrderStatus from)
    {
        var order = new OrderStateBuilder().In(from).Build();

        var emitted = Assert.IsType<OrderConfirmed>(Apply(order, "PaymentSucceeded"));

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal((PaymentStatus.Succeeded, "pi_1"), (order.Payment?.Status, order.Payment?.ProviderReference));
        Assert.Equal((order.UserId, order.OrderId, OrderStatus.Confirmed), (emitted.UserId, emitted.Order?.OrderId, emitted.Order?.Status));
        Assert.Equal(order.Recipient, emitted.Recipient);
    }

    [Fact]
    public void Cash_on_delivery_success_shows_as_accepted_not_charged()
    {
        var order = new OrderStateBuilder().In(OrderStatus.StockReserved).PaidBy(PaymentMethod.CashOnDelivery).Build();

        Apply(order, "PaymentSucceeded");

        Assert.Equal(PaymentStatus.CashOnDeliveryAccepted, order.Payment?.Status);
    }

    [Fact]
    public void Payment_failed_cancels_as_payment_declined_with_the_reason()
    {
        var order = new OrderStateBuilder().In(OrderStatus.StockReserved).Build();

        var emitted = Assert.IsType<OrderCancelled>(Apply(order, "PaymentFailed"));

        Assert.Equal((OrderStatus.Cancelled, CancellationReason.PaymentDeclined), (order.Status, order.Reason));
        Assert.Equal("card_declined", order.Payment?.FailureReason);
        Assert.Equal(order.UserId, emitted.UserId);
    }

    [Theory]
    [InlineData("OrderPlaced")]
    [InlineData("OrderConfirmed")]
    [InlineData("OrderCancelled")]
    public void The_orders_own_events_change_nothing(string eventName)
    {
        var order = new OrderStateBuilder().Build();

        Assert.Null(Apply(order, eventName));

        Assert.Equal(OrderStatus.Pending, order.Status);
    }

    [Theory]
    [MemberData(nameof(TerminalStatesAndEvents))]
    public void Events_for_a_terminal_order_are_ignored(OrderStatus terminal, string eventName)
    {
        var order = new OrderStateBuilder().In(terminal).Build();
        var payment = order.Payment;

        Assert.Null(Apply(order, eventName));

        Assert.Equal((terminal, CancellationReason.None, payment), (order.Status, order.Reason, order.Payment));
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.StockReserved)]
    [InlineData(OrderStatus.AwaitingPaymentAction)]
    public void An_expired_reservation_cancels_an_unconfirmed_order(OrderStatus from)
    {
        var order = new OrderStateBuilder().In(from).Build();

        var emitted = Assert.IsType<OrderCancelled>(Apply(order, "ReservationExpired"));

        Assert.Equal((OrderStatus.Cancelled, CancellationReason.ReservationExpired), (order.Status, order.Reason));
        Assert.Equal(CancellationReason.ReservationExpired, emitted.Reason);
    }

    [Fact]
    public void A_pending_refund_shows_on_a_cancelled_order_until_the_refund_is_made()
    {
        var order = new OrderStateBuilder().In(OrderStatus.Cancelled).Build();

        Assert.Null(Apply(order, "RefundPending"));
        var pending = order.Payment;
        Assert.Null(Apply(order, "PaymentRefunded"));

        Assert.Equal((PaymentStatus.RefundPending, (Money?)null), (pending?.Status, pending?.Refunded));
        Assert.Equal((PaymentStatus.Refunded, order.Total), (order.Payment?.Status, order.Payment?.Refunded));
    }

    [Fact]
    public void A_refund_is_recorded_even_on_a_cancelled_order()
    {
        var order = new OrderStateBuilder().In(OrderStatus.Cancelled).Build();

        Assert.Null(Apply(order, "PaymentRefunded"));

        Assert.Equal((PaymentStatus.Refunded, order.Total), (order.Payment?.Status, order.Payment?.Refunded));
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.StockReserved)]
    [InlineData(OrderStatus.AwaitingPaymentAction)]
    public void Cancel_ends_a_non_terminal_order_with_the_reason(OrderStatus from)
    {
        var order = new OrderStateBuilder().In(from).Build();

        var emitted = OrderStateMachine.Cancel(order, CancellationReason.ReservationExpired, Now);

        Assert.Equal((OrderStatus.Cancelled, CancellationReason.ReservationExpired), (order.Status, order.Reason));
        Assert.Equal((order.UserId, CancellationReason.ReservationExpired), (emitted?.UserId, emitted?.Reason));
        Assert.Equal(Now, order.UpdatedAt);
    }

    [Theory]
    [InlineData(OrderStatus.Confirmed)]
    [InlineData(OrderStatus.Cancelled)]
    public void Cancel_of_a_terminal_order_emits_nothing(OrderStatus terminal)
    {
        var order = new OrderStateBuilder().In(terminal).Build();

        Assert.Null(OrderStateMachine.Cancel(order, CancellationReason.TimedOut, Now));

        Assert.Equal(terminal, order.Status);
    }

    [Fact]
    public void An_order_total_is_kept_in_the_payment_view_on_failure()
    {
        var order = new OrderStateBuilder().In(OrderStatus.StockReserved).Build();

        Apply(order, "PaymentFailed");

        Assert.Equal(new Money(2000, "EUR"), order.Payment?.Amount);
    }
}
