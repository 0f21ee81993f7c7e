using System.Globalization;
using Shop.Common;
using Shop.Notifications;
using Shop.Orders;
using Shop.Orders.Admin;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Grains.Orders.ReadModel;

/// <summary>
/// The pure fold of the order read model: an order's summary and its timeline are functions of the <em>set</em> of its
/// saga events, so a duplicate or a replayed event, or events that arrive out of order, give the same row. Every read-model adapter stores the events and calls this; none folds on its own.
/// </summary>
public static class OrderProjection
{
    /// <summary>The events in the order the fold reads them: by time, then by event id (version 7, so by time too).</summary>
    public static IReadOnlyList<OrderEvent> Ordered(IEnumerable<OrderEvent> events) =>
        [.. events.DistinctBy(e => e.EventId).OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId)];

    /// <summary>The order's summary, or null while its OrderPlaced was not recorded (nothing to list yet).</summary>
    public static OrderSummary? Summarize(IEnumerable<OrderEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = Ordered(events);
        if (ordered.OfType<OrderPlaced>().FirstOrDefault() is not { } placed)
        {
            return null;
        }

        var fold = new Fold(placed);
        foreach (var orderEvent in ordered)
        {
            fold.Apply(orderEvent);
        }

        var last = ordered[^1];
        return new OrderSummary
        {
            OrderId = placed.OrderId,
            UserId = placed.UserId,
            CustomerEmail = placed.Recipient?.Email.ToLowerInvariant() ?? "",
            Status = fold.Status,
            Reason = fold.Reason,
            PaymentMethod = placed.PaymentMethod,
            PaymentStatus = fold.Payment,
            Total = placed.Total,
            Refunded = fold.Refunded,
            Skus = [.. placed.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal)],
            CreatedAt = placed.OccurredAt,
            LastStepAt = last.OccurredAt,
            LastStep = Kind(last),
        };
    }

    /// <summary>
    /// The timeline of an order: its events and the e-mails sent for them, oldest first, each with the time since the
    /// previous entry.
    /// </summary>
    public static IReadOnlyList<OrderTimelineEntry> Timeline(IEnumerable<OrderEvent> events, IEnumerable<SentNotification> sent)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(sent);
        var entries = Ordered(events).Select(e => new OrderTimelineEntry
        {
            EventId = e.EventId,
            Kind = Kind(e),
            OccurredAt = e.OccurredAt,
            Detail = Detail(e),
            By = By(e),
        }).Concat(sent.Select(s => new OrderTimelineEntry
        {
            EventId = s.EventId,
            Kind = "email_sent",
            OccurredAt = s.SentAt,
            Detail = $"{s.Template} to {s.To}: {s.Subject}",
        })).OrderBy(e => e.OccurredAt).ThenBy(e => e.Kind == "email_sent").ThenBy(e => e.EventId).ToList();
        for (var i = 1; i < entries.Count; i++)
        {
            entries[i] = entries[i] with { SincePrevious = entries[i].OccurredAt - entries[i - 1].OccurredAt };
        }

        return entries;
    }

    /// <summary>The timeline kind of an event (snake case of its type).</summary>
    public static string Kind(OrderEvent orderEvent) => orderEvent switch
    {
        OrderPlaced => "order_placed",
        StockReserved => "stock_reserved",
        StockReservationFailed => "stock_reservation_failed",
        ReservationExpired => "reservation_expired",
        PaymentActionRequired => "payment_action_required",
        PaymentSucceeded => "payment_succeeded",
        PaymentFailed => "payment_failed",
        OrderConfirmed => "order_confirmed",
        OrderCancelled => "order_cancelled",
        PaymentVoided => "payment_voided",
        PaymentRefunded => "payment_refunded",
        RefundPending => "refund_pending",
        OrderRefunded => "order_refunded",
        CashCollected => "cash_collected",
        ConfirmationResent => "confirmation_resent",
        _ => "other",
    };

    // What an admin reads beside the kind; never a card token or client secret.
    private static string Detail(OrderEvent orderEvent) => orderEvent switch
    {
        OrderPlaced p => string.Create(CultureInfo.InvariantCulture, $"{p.Lines.Sum(l => l.Quantity)} units, {p.Total}, {(p.PaymentMethod == PaymentMethod.Card ? "card" : "cash on delivery")}"),
        StockReservationFailed f => $"{f.Sku} is short",
        PaymentSucceeded s => s.ProviderReference is { } reference ? $"{s.Amount} ({reference})" : s.Amount.ToString(),
        PaymentFailed f => f.Reason,
        OrderCancelled c => c.Reason.ToString(),
        PaymentRefunded r => r.Amount.ToString(),
        RefundPending r => string.Create(CultureInfo.InvariantCulture, $"{r.Amount}, {r.Attempts} attempts failed, next at {r.NextAttemptAt:O}"),
        OrderRefunded r => $"{r.Amount} ({string.Join(", ", r.Lines.Select(l => $"{l.Quantity} x {l.Sku}"))}){(r.Restock ? ", restocked" : "")}; {r.RefundedTotal} refunded in all",
        CashCollected c => c.Amount.ToString(),
        _ => "",
    };

    private static Guid? By(OrderEvent orderEvent) => orderEvent switch
    {
        OrderCancelled c => c.By,
        OrderRefunded r => r.By,
        CashCollected c => c.By,
        ConfirmationResent r => r.By,
        _ => null,
    };

    /// <summary>
    /// The fold over one order's events. It does not depend on their order (events of one millisecond sort by the
    /// random part of their ids): the status moves only forward (a final one sticks, and only the order grain decides
    /// one), the payment status takes the furthest step any event shows, and the refunded amount is the largest total.
    /// </summary>
    private sealed class Fold(OrderPlaced placed)
    {
        public OrderStatus Status { get; private set; } = OrderStatus.Pending;

        public CancellationReason Reason { get; private set; }

        public PaymentStatus Payment { get; private set; } = PaymentStatus.NotStarted;

        public Money? Refunded { get; private set; }

        public void Apply(OrderEvent orderEvent)
        {
            switch (orderEvent)
            {
                case StockReserved:
                    Advance(OrderStatus.StockReserved);
                    break;
                case PaymentActionRequired:
                    Advance(OrderStatus.AwaitingPaymentAction);
                    Pay(PaymentStatus.RequiresAction);
                    break;
                case PaymentSucceeded:
                    Pay(placed.PaymentMethod == PaymentMethod.CashOnDelivery ? PaymentStatus.CashOnDeliveryAccepted : PaymentStatus.Succeeded);
                    break;
                case PaymentFailed:
                    Pay(PaymentStatus.Failed);
                    break;
                case OrderConfirmed:
                    Advance(OrderStatus.Confirmed);
                    break;
                case OrderCancelled cancelled:
                    if (Advance(OrderStatus.Cancelled))
                    {
                        Reason = cancelled.Reason;
                    }

                    break;
                case PaymentVoided:
                    Pay(PaymentStatus.Voided);
                    break;
                case PaymentRefunded refunded:
                    Pay(PaymentStatus.Refunded);
                    Refund(refunded.Amount);
                    break;
                case RefundPending:
                    Pay(PaymentStatus.RefundPending);
                    break;
                case OrderRefunded refunded:
                    Pay(refunded.RefundedTotal.AmountMinor >= placed.Total.AmountMinor ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded);
                    Refund(refunded.RefundedTotal);
                    break;
                case CashCollected:
                    Pay(PaymentStatus.CashCollected);
                    break;
            }
        }

        private bool Advance(OrderStatus next)
        {
            if (Status is OrderStatus.Confirmed or OrderStatus.Cancelled || Rank(next) <= Rank(Status))
            {
                return false;
            }

            Status = next;
            return true;
        }

        private void Pay(PaymentStatus next)
        {
            if (Rank(next) > Rank(Payment))
            {
                Payment = next;
            }
        }

        private void Refund(Money total)
        {
            if (Refunded is not { } known || total.AmountMinor > known.AmountMinor)
            {
                Refunded = total;
            }
        }

        private static int Rank(OrderStatus status) => status switch
        {
            OrderStatus.Pending => 0,
            OrderStatus.StockReserved => 1,
            OrderStatus.AwaitingPaymentAction => 2,
            _ => 3,
        };

        // A failed charge's answer to the cancellation (voided) must not hide the failure, as on the customer's page.
        private static int Rank(PaymentStatus status) => status switch
        {
            PaymentStatus.NotStarted => 0,
            PaymentStatus.RequiresAction => 1,
            PaymentStatus.Voided => 2,
            PaymentStatus.Failed => 3,
            PaymentStatus.Succeeded or PaymentStatus.CashOnDeliveryAccepted => 4,
            PaymentStatus.RefundPending or PaymentStatus.PartiallyRefunded or PaymentStatus.CashCollected => 5,
            _ => 6,
        };
    }
}
