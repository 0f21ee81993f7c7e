using System.Text.RegularExpressions;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>The Grafana dashboard and the alert rules read metrics the shop really exports.</summary>
[Collection(KafkaObservedShopTests.Name)]
public sealed partial class MonitoringTests(KafkaObservedShopFixture observed)
{
    [Fact]
    public async Task Every_metric_the_dashboard_and_the_alerts_query_is_exported_after_a_journey()
    {
        await JourneyAsync();

        var exported = await Eventually.Value(ScrapeAsync, names => names.Contains("shop_kafka_lag"),
            because: "the Kafka lag to be exported once the saga's messages are committed");
        var queries = MonitoringQueries.All();
        Assert.True(queries.Count >= 10, $"Only {queries.Count} queries were found in {MonitoringQueries.Folder}.");
        var missing = queries.SelectMany(q => MonitoringQueries.Metrics(q.Expr).Select(m => (q.Where, Metric: m)))
            .Where(q => !exported.Contains(q.Metric))
            .Select(q => $"{q.Where}: {q.Metric}")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, $"Not exported:\n{string.Join('\n', missing)}\n\nExported:\n{string.Join('\n', exported.Order())}");
    }

    [Fact]
    public void The_query_reader_finds_metric_names_and_skips_labels_and_functions()
    {
        var names = MonitoringQueries.Metrics(
            "histogram_quantile(0.99, sum by (le, step) (rate(shop_saga_step_duration_seconds_bucket{step=\"confirmed\"}[10m]))) > bad_label_value_x");

        Assert.Equal(["shop_saga_step_duration_seconds_bucket", "bad_label_value_x"], names);
    }

    // A card checkout confirmed, and an order larger than the stock refused and cancelled.
    private async Task JourneyAsync()
    {
        var shop = observed.Shop;
        var sku = await shop.ProductAsync(onHand: 1);
        var shopper = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(shopper, sku);
        var confirmed = await client.PlaceOrderAsync(shopper, Requests.Card("tok_visa"));
        await client.OrderReachingAsync(shopper, confirmed, "CONFIRMED");
        await client.AddToCartAsync(shopper, sku);
        var refused = await client.PlaceOrderAsync(shopper, Requests.CashOnDelivery());
        await client.OrderReachingAsync(shopper, refused, "CANCELLED");
    }

    private async Task<HashSet<string>> ScrapeAsync()
    {
        using var http = observed.App.CreateClient();
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return [.. text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => SampleName().Match(l).Value)];
    }

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex SampleName();
}
