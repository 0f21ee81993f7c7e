using System.Globalization;
using System.Net;
using System.Text;
using Shop.Orders;

namespace Shop.Grains.Notifications;

/// <summary>The built-in e-mail templates (plain text + HTML); Liquid templates replace them later.</summary>
public static class EmailTemplates
{
    /// <summary>Template names.</summary>
    public const string Welcome = "welcome", OrderConfirmed = "order-confirmed", OrderCancelled = "order-cancelled";

    /// <summary>The welcome e-mail.</summary>
    public static EmailMessage WelcomeMessage(string to, string name) => Build(
        to,
        "Welcome to Shop",
        [$"Hello {name},", "welcome to Shop! Your account is ready."]);

    /// <summary>The order confirmation: lines, total and delivery address.</summary>
    public static EmailMessage OrderConfirmedMessage(string to, string name, OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var lines = new List<string> { $"Hello {name},", $"your order {order.OrderId} is confirmed." };
        lines.AddRange(order.Lines.Select(l => $"{l.Quantity} x {l.Name} ({l.Sku}): {l.LineTotal}"));
        lines.Add($"Total: {order.Total}");
        var a = order.ShippingAddress;
        lines.Add($"Delivery to: {a.Name}, {a.Line1}{(string.IsNullOrEmpty(a.Line2) ? "" : ", " + a.Line2)}, {a.PostalCode} {a.City}, {a.Country}");
        return Build(to, $"Your order {order.OrderId} is confirmed", lines);
    }

    /// <summary>The cancellation notice with its reason.</summary>
    public static EmailMessage OrderCancelledMessage(string to, string name, Guid orderId, CancellationReason reason) => Build(
        to,
        $"Your order {orderId} was cancelled",
        [$"Hello {name},", $"your order {orderId} was cancelled: {Describe(reason)}.", "Any payment taken is refunded."]);

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

    private static EmailMessage Build(string to, string subject, IReadOnlyList<string> paragraphs)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        foreach (var paragraph in paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(paragraph)}</p>");
        }

        html.Append("</body></html>");
        return new EmailMessage { To = to, Subject = subject, TextBody = string.Join("\n\n", paragraphs) + "\n", HtmlBody = html.ToString() };
    }
}
