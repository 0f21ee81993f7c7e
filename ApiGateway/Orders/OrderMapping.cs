using Google.Protobuf.WellKnownTypes;
using Shop.ApiGateway.Mapping;
using Shop.Orders;
using Shop.Payments;

namespace Shop.ApiGateway.Orders;

/// <summary>Orders as the API shows them.</summary>
public static class OrderMapping
{
    /// <summary>The API message of an order.</summary>
    public static Api.V1.Order ToApi(this OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var message = new Api.V1.Order
        {
            OrderId = order.OrderId.ToString(),
            Status = OrderStatusNames.Name(order.Status),
            Reason = CancellationReasonNames.Name(order.Reason),
            Total = order.Total.ToApi(),
            Payment = PaymentOf(order),
            ShippingAddress = order.ShippingAddress.ToApi(),
            CreatedAt = Timestamp.FromDateTimeOffset(order.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(order.UpdatedAt),
        };
        message.Lines.AddRange(order.Lines.Select(line => LineItemMapping.LineItem(line.Sku, line.Name, line.Quantity, line.UnitPrice)));
        return message;
    }

    /// <summary>The API message of a shipping address.</summary>
    public static Api.V1.ShippingAddress ToApi(this ShippingAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new Api.V1.ShippingAddress
        {
            Name = address.Name,
            Line1 = address.Line1,
            Line2 = address.Line2 ?? "",
            City = address.City,
            PostalCode = address.PostalCode,
            Country = address.Country,
        };
    }

    private static Api.V1.Payment PaymentOf(OrderView order)
    {
        var payment = order.Payment;
        return new Api.V1.Payment
        {
            Method = PaymentMethodNames.Name(payment?.Method ?? order.PaymentMethod),
            Status = PaymentStatusNames.Name(payment?.Status ?? PaymentStatus.NotStarted),
            ClientSecret = payment?.ClientSecret ?? "",
            FailureReason = payment?.FailureReason ?? "",
            Amount = payment?.Amount.ToApi(),
            Refunded = payment?.Refunded.ToApi(),
        };
    }
}
