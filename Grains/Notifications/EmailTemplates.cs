using Shop.Common;
using Shop.Orders;

namespace Shop.Grains.Notifications;

/// <summary>
/// The e-mail templates and their models: plain values (strings, numbers, lists, nested maps) with money already
/// written out, so a template only places them. The Liquid templates name these keys.
/// </summary>
public static class EmailTemplates
{
    /// <summary>Template names.</summary>
    public const string Welcome = "welcome", OrderConfirmed = "order-confirmed", OrderCancelled = "order-cancelled";

    /// <summary>Every template name.</summary>
    public static readonly IReadOnlyList<string> All = [Welcome, OrderConfirmed, OrderCancelled];

    /// <summary>The welcome model: <c>name</c>, <c>email</c>.</summary>
    public static IReadOnlyDictionary<string, object?> WelcomeModel(string name, string email) =>
        new Dictionary<string, object?> { ["name"] = name, ["email"] = email };

    /// <summary>
    /// The confirmation model: <c>name</c>, <c>order_id</c>, <c>lines</c> (<c>sku</c>, <c>name</c>, <c>quantity</c>,
    /// <c>unit_price</c>, <c>line_total</c>), <c>total</c>, <c>address</c> (<c>name</c>, <c>line1</c>, <c>line2</c>,
    /// <c>postal_code</c>, <c>city</c>, <c>country</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, object?> OrderConfirmedModel(string name, OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var a = order.ShippingAddress;
        return new Dictionary<string, object?>
        {
            ["name"] = name,
            ["order_id"] = order.OrderId.ToString(),
            ["lines"] = order.Lines.Select(l => new Dictionary<string, object?>
            {
                ["sku"] = l.Sku,
                ["name"] = l.Name,
                ["quantity"] = l.Quantity,
                ["unit_price"] = l.UnitPrice.ToString(),
                ["line_total"] = l.LineTotal.ToString(),
            }).ToList(),
            ["total"] = order.Total.ToString(),
            ["address"] = new Dictionary<string, object?>
            {
                ["name"] = a.Name,
                ["line1"] = a.Line1,
                ["line2"] = a.Line2,
                ["postal_code"] = a.PostalCode,
                ["city"] = a.City,
                ["country"] = a.Country,
            },
        };
    }

    /// <summary>
    /// The cancellation model: <c>name</c>, <c>order_id</c>, <c>reason</c> (a sentence), <c>reason_code</c>, <c>refund</c>
    /// (or nil), <c>refund_pending</c> (true when the refund is not made yet: the provider refused it so far and it is retried).
    /// </summary>
    public static IReadOnlyDictionary<string, object?> OrderCancelledModel(string name, Guid orderId, CancellationReason reason, Money? refund, bool refundPending = false) =>
        new Dictionary<string, object?>
        {
            ["name"] = name,
            ["order_id"] = orderId.ToString(),
            ["reason"] = Describe(reason),
            ["reason_code"] = reason.ToString(),
            ["refund"] = refund?.ToString(),
            ["refund_pending"] = refundPending,
        };

    /// <summary>A sentence for a cancellation reason.</summary>
    public static string Describe(CancellationReason reason) => reason switch
    {
        CancellationReason.OutOfStock => "an item is out of stock",
        CancellationReason.PaymentDeclined => "the payment was declined",
        CancellationReason.CancelledByCustomer => "you cancelled it",
        CancellationReason.ReservationExpired => "the payment was not completed in time",
        CancellationReason.TimedOut => "it could not be completed in time",
        _ => "it could not be completed",
    };
}
