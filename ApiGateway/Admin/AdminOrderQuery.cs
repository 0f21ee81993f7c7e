using System.Globalization;
using Shop.ApiGateway.Orders;
using Shop.Common;
using Shop.Orders;
using Shop.Orders.Admin;

namespace Shop.ApiGateway.Admin;

/// <summary>Reads the order list's query parameters; a bad one is a 400 naming it.</summary>
public static class AdminOrderQuery
{
    private static readonly Dictionary<string, OrderSort> Sorts = new(StringComparer.Ordinal)
    {
        ["newest"] = OrderSort.Newest,
        ["oldest"] = OrderSort.Oldest,
        ["total_desc"] = OrderSort.TotalDescending,
        ["total_asc"] = OrderSort.TotalAscending,
        ["last_step_oldest"] = OrderSort.LastStepOldest,
    };

    /// <summary>The search the request asks for.</summary>
    public static OrderSearch From(Api.V1.ListAdminOrdersRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new OrderSearch
        {
            Status = request.Status.Length == 0 ? null : Status(request.Status),
            PlacedFrom = Time(request.PlacedFrom, "placedFrom"),
            PlacedTo = Time(request.PlacedTo, "placedTo"),
            CustomerEmail = request.Email.Length == 0 ? null : request.Email,
            Sku = request.Sku.Length == 0 ? null : request.Sku,
            PaymentMethod = request.PaymentMethod.Length == 0 ? null : PaymentMethodNames.Parse(request.PaymentMethod),
            MinTotalMinor = request.HasMinTotal ? request.MinTotal : null,
            MaxTotalMinor = request.HasMaxTotal ? request.MaxTotal : null,
            Sort = request.Sort.Length == 0 ? OrderSort.Newest
                : Sorts.TryGetValue(request.Sort, out var sort) ? sort
                : throw ShopException.Validation("sort", $"sort must be one of {string.Join(", ", Sorts.Keys)}."),
            Page = request.Page == 0 ? 1 : request.Page,
            PageSize = request.PageSize == 0 ? 20 : request.PageSize,
        };
    }

    /// <summary>The order status of an API name; anything else is a 400 naming <c>status</c>.</summary>
    public static OrderStatus Status(string name) =>
        Enum.GetValues<OrderStatus>().FirstOrDefault(s => OrderStatusNames.Name(s) == name, (OrderStatus)(-1)) is var status && Enum.IsDefined(status)
            ? status
            : throw ShopException.Validation("status", "status must be PENDING, STOCK_RESERVED, AWAITING_PAYMENT_ACTION, CONFIRMED or CANCELLED.");

    private static DateTimeOffset? Time(string value, string field) =>
        value.Length == 0 ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime()
        : throw ShopException.Validation(field, $"{field} must be an RFC 3339 time such as 2026-12-01T00:00:00Z.");
}
