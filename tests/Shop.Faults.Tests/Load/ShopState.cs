using System.Globalization;
using System.Text.Json;
using Shop.LoadTests.Api;

namespace Shop.Faults.Tests.Load;

/// <summary>
/// What the shop says through its API after a fault, and the invariants over it: every accepted order is there and
/// terminal; every confirmed order is paid (card charged or cash on delivery accepted) and no cancelled order keeps a
/// charge (refunded or never charged); the product's units on hand plus the units sold equal the initial stock.
/// </summary>
internal sealed record ShopState(IReadOnlyList<ShopState.Order> Orders, long Available)
{
    /// <summary>One order as its shopper reads it.</summary>
    public sealed record Order(Guid Id, string Status, string? PaymentStatus, string? PaymentMethod);

    /// <summary>Orders CONFIRMED.</summary>
    public int Confirmed => Orders.Count(o => o.Status == "CONFIRMED");

    /// <summary>Orders CANCELLED.</summary>
    public int Cancelled => Orders.Count(o => o.Status == "CANCELLED");

    /// <summary>Orders in any other state (stuck when the deadline passed).</summary>
    public int Unfinished => Orders.Count - Confirmed - Cancelled;

    /// <summary>Cancelled orders whose payment was refunded.</summary>
    public int Refunded => Orders.Count(o => o.Status == "CANCELLED" && o.PaymentStatus == "REFUNDED");

    /// <summary>Orders whose payment does not fit their outcome: confirmed but not paid, or cancelled and still charged.</summary>
    public IEnumerable<Order> PaymentMismatches => Orders.Where(o => o.Status switch
    {
        "CONFIRMED" => o.PaymentStatus is not ("SUCCEEDED" or "CASH_ON_DELIVERY_ACCEPTED"),
        "CANCELLED" => o.PaymentStatus is "SUCCEEDED" or "CASH_ON_DELIVERY_ACCEPTED" or "REFUND_PENDING",
        _ => false,
    });

    /// <summary>
    /// Reads every order of every shopper (all pages) and the product's available units; null when the shop answered
    /// 503 (still recovering: a grain call queued behind the outage timed out), so the caller reads again.
    /// </summary>
    public static async Task<ShopState?> ReadAsync(ShopApi api, IEnumerable<Shopper> shoppers, string sku)
    {
        ArgumentNullException.ThrowIfNull(api);
        var orders = new List<Order>();
        foreach (var shopper in shoppers)
        {
            for (var page = 1; ; page++)
            {
                var response = await api.GetAsync($"/v1/orders?pageSize=100&page={page.ToString(CultureInfo.InvariantCulture)}", shopper.Token);
                if (response.Status == 503)
                {
                    return null;
                }

                Assert.True(response.Ok, $"GET /v1/orders answered {response.Status}: {response.Explanation()}");
                using var json = response.Json();
                var items = json.RootElement.TryGetProperty("items", out var list) ? list.EnumerateArray().Select(Parse).ToList() : [];
                orders.AddRange(items);
                var total = json.RootElement.TryGetProperty("total", out var t) ? t.GetInt32() : 0;
                if (items.Count == 0 || page * 100 >= total)
                {
                    break;
                }
            }
        }

        var product = await api.GetAsync("/v1/products/" + sku);
        if (product.Status == 503)
        {
            return null;
        }

        Assert.True(product.Ok, $"GET /v1/products/{sku} answered {product.Status}: {product.Explanation()}");
        using var details = product.Json();
        var available = details.RootElement.TryGetProperty("stock", out var stock) ? stock.GetInt64() : 0;
        return new ShopState(orders, available);
    }

    /// <summary>Whether the stock adds up: nothing held any more and one unit gone per confirmed order.</summary>
    public bool StockConserved(long initialStock) => Available == initialStock - Confirmed;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Orders.Count} orders: {Confirmed} confirmed, {Cancelled} cancelled ({Refunded} refunded), {Unfinished} unfinished, "
        + $"{PaymentMismatches.Count()} payment mismatches; {Available} units available";

    private static Order Parse(JsonElement order)
    {
        var payment = order.TryGetProperty("payment", out var p) ? p : default;
        return new Order(
            Guid.Parse(order.GetProperty("orderId").GetString()!, CultureInfo.InvariantCulture),
            order.GetProperty("status").GetString()!,
            payment.ValueKind == JsonValueKind.Object && payment.TryGetProperty("status", out var s) ? s.GetString() : null,
            payment.ValueKind == JsonValueKind.Object && payment.TryGetProperty("method", out var m) ? m.GetString() : null);
    }
}
