using Google.Protobuf.WellKnownTypes;
using Shop.ApiGateway.Mapping;
using Shop.ApiGateway.Orders;
using Shop.Orders;
using Shop.Orders.Admin;

namespace Shop.ApiGateway.Admin;

/// <summary>The read model's orders as the admin API shows them.</summary>
public static class AdminOrderMapping
{
    /// <summary>The API message of an order summary.</summary>
    public static Api.V1.AdminOrder ToApi(this OrderSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var message = new Api.V1.AdminOrder
        {
            OrderId = summary.OrderId.ToString(),
            UserId = summary.UserId.ToString(),
            CustomerEmail = summary.CustomerEmail,
            Status = OrderStatusNames.Name(summary.Status),
            Reason = CancellationReasonNames.Name(summary.Reason),
            PaymentMethod = PaymentMethodNames.Name(summary.PaymentMethod),
            PaymentStatus = PaymentStatusNames.Name(summary.PaymentStatus),
            Total = summary.Total.ToApi(),
            Refunded = summary.Refunded.ToApi(),
            CreatedAt = Timestamp.FromDateTimeOffset(summary.CreatedAt),
            LastStepAt = Timestamp.FromDateTimeOffset(summary.LastStepAt),
            LastStep = summary.LastStep,
        };
        message.Skus.AddRange(summary.Skus);
        return message;
    }

    /// <summary>The API message of a page of the order list.</summary>
    public static Api.V1.ListAdminOrdersResponse ToApi(this OrderSearchPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var message = new Api.V1.ListAdminOrdersResponse { Total = page.Total };
        message.Items.AddRange(page.Items.Select(ToApi));
        message.StatusCounts.Add(Counts(page.StatusCounts));
        return message;
    }

    /// <summary>The API message of an order's detail: summary, the order itself and its timeline.</summary>
    public static Api.V1.AdminOrderDetail ToApi(this OrderDetail detail, OrderView? order)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var message = new Api.V1.AdminOrderDetail { Summary = detail.Summary.ToApi(), Order = order?.ToApi() };
        message.Timeline.AddRange(detail.Timeline.Select(e => new Api.V1.TimelineEntry
        {
            EventId = e.EventId.ToString(),
            Kind = e.Kind,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
            SincePreviousMs = (long)e.SincePrevious.TotalMilliseconds,
            Detail = e.Detail,
            By = e.By?.ToString() ?? "",
        }));
        message.RefundedLines.AddRange((order?.RefundedLines ?? []).Select(l => new Api.V1.RefundLineItem { Sku = l.Sku, Quantity = l.Quantity }));
        return message;
    }

    /// <summary>Counts per status under the API's status names.</summary>
    public static Dictionary<string, int> Counts(IReadOnlyDictionary<OrderStatus, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.ToDictionary(c => OrderStatusNames.Name(c.Key), c => c.Value, StringComparer.Ordinal);
    }
}
