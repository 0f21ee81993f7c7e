using Shop.Common;
using Shop.Grains.Orders.ReadModel;
using Shop.Notifications;
using Shop.Orders;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Grains.Tests.Unit;

public sealed class OrderProjectionTests
{
    private static readonly Guid OrderId = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static T At<T>(T orderEvent, int seconds)
        where T : OrderEvent =>
        orderEvent with { EventId = Guid.CreateVersion7(Start.AddSeconds(seconds)), OrderId = OrderId, OccurredAt = Start.AddSeconds(seconds) };

    private static List<OrderEvent> RefundedCardOrder() =>
    [
        At(new OrderPlaced
        {
            UserId = Guid.NewGuid(),
            Lines = [new OrderLine { Sku = "LAMP-1", Name = "Lamp", Quantity = 2, UnitPrice = new Money(1500, "EUR") }],
            Total = new Money(3000, "EUR"),
            PaymentMethod = PaymentMethod.Card,
            Recipient = new OrderRecipient { Name = "Ada", Email = "Ada@Example.com" },
        }, 0),
        At(new StockReserved(), 1),
        At(new PaymentSucceeded { Amount = new Money(3000, "EUR"), ProviderReference = "pi_1" }, 3),
        At(new OrderConfirmed { UserId = Guid.NewGuid() }, 4),
        At(new OrderRefunded
        {
            RefundId = "r1", Amount = new Money(1500, "EUR"), Lines = [new RefundLine { Sku = "LAMP-1", Quantity = 1 }],
            Restock = true, RefundedTotal = new Money(1500, "EUR"), By = Guid.NewGuid(),
        }, 60),
    ];

    [Fact]
    public void The_summary_does_not_depend_on_the_order_or_repetition_of_the_events()
    {
        var events = RefundedCardOrder();
        var expected = OrderProjection.Summarize(events)!;

        var shuffled = events.Concat(events).OrderBy(_ => Random.Shared.Next()).ToList();
        var reversed = Enumerable.Reverse(events).ToList();

        Assert.Equal(
            (OrderStatus.Confirmed, PaymentStatus.PartiallyRefunded, (Money?)new Money(1500, "EUR"), "ada@example.com", "order_refunded"),
            (expected.Status, expected.PaymentStatus, expected.Refunded, expected.CustomerEmail, expected.LastStep));
        Assert.Equal(Fields(expected), Fields(OrderProjection.Summarize(shuffled)!));
        Assert.Equal(Fields(expected), Fields(OrderProjection.Summarize(reversed)!));
    }

    [Fact]
    public void An_order_without_its_placement_has_no_summary_yet()
    {
        var events = RefundedCardOrder().Skip(1);

        Assert.Null(OrderProjection.Summarize(events));
    }

    [Fact]
    public void A_cancellation_after_a_failed_charge_keeps_the_failure_and_the_reason()
    {
        var events = RefundedCardOrder().Take(2).Concat(
        [
            At(new PaymentFailed { Reason = "card_declined" }, 2),
            At(new OrderCancelled { UserId = Guid.NewGuid(), Reason = CancellationReason.PaymentDeclined }, 3),
            At(new PaymentVoided(), 4),
        ]);

        var summary = OrderProjection.Summarize(events)!;

        Assert.Equal((OrderStatus.Cancelled, CancellationReason.PaymentDeclined, PaymentStatus.Failed), (summary.Status, summary.Reason, summary.PaymentStatus));
    }

    [Fact]
    public void The_timeline_lists_events_and_emails_oldest_first_with_the_time_since_the_previous_step()
    {
        var events = RefundedCardOrder();
        var confirmed = events[3];
        var sent = new SentNotification { EventId = confirmed.EventId, Template = "order-confirmed", To = "ada@example.com", Subject = "Your order", SentAt = Start.AddSeconds(5) };

        var timeline = OrderProjection.Timeline(Enumerable.Reverse(events), [sent]);

        Assert.Equal(
            ["order_placed", "stock_reserved", "payment_succeeded", "order_confirmed", "email_sent", "order_refunded"],
            timeline.Select(e => e.Kind));
        Assert.Equal(
            [0, 1, 2, 1, 1, 55],
            timeline.Select(e => (int)e.SincePrevious.TotalSeconds));
        Assert.Equal(((OrderRefunded)events[4]).By, timeline[^1].By);
        Assert.Contains("1 x LAMP-1", timeline[^1].Detail, StringComparison.Ordinal);
    }

    private static object Fields(Shop.Orders.Admin.OrderSummary s) =>
        (s.OrderId, s.Status, s.Reason, s.PaymentStatus, s.Refunded, s.Total, s.CreatedAt, s.LastStepAt, s.LastStep, string.Join(",", s.Skus));
}
