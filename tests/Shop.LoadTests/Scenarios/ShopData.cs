using System.Globalization;
using System.Text.Json;
using Shop.LoadTests.Api;
using Shop.LoadTests.Preparation;

namespace Shop.LoadTests.Scenarios;

/// <summary>
/// What the scenarios share about the shop under load: its published catalog (read once) and an admin session to
/// create the products that checkout and the flash sale buy. Everything here happens before the measured phase, and
/// every request goes through the back-off, so a rate limit or a brief 503 is waited out rather than fatal.
/// </summary>
public sealed class ShopData(ShopApi api, string adminEmail, string adminPassword, RateLimitBackoff backoff)
{
    /// <summary>The password of every shopper the suite registers.</summary>
    public const string ShopperPassword = "load-suite-password-1";

    private const int PreparationParallelism = 16;
    private string? adminToken;

    /// <summary>Published products found in the catalog.</summary>
    public IReadOnlyList<CatalogProduct> Catalog { get; private set; } = [];

    /// <summary>Reads the published catalog (up to 2,000 products).</summary>
    public async Task LoadCatalogAsync(CancellationToken cancellationToken)
    {
        var products = new List<CatalogProduct>();
        var step = new PreparationStep("listing the catalog", 1);
        for (var page = 1; page <= 20; page++)
        {
            var path = $"/v1/products?pageSize=100&page={page}&sort=name";
            var response = await backoff.SendAsync(step, ct => api.GetAsync(path, cancellationToken: ct), cancellationToken);
            Require(response, step.What);
            var items = Items(response);
            products.AddRange(items);
            if (items.Count < 100)
            {
                break;
            }
        }

        if (products.Count == 0)
        {
            throw new PreparationFailedException(PreparationFailure.Refused,
                $"The shop at {api.BaseAddress} has no published products: start it in Development (it seeds a demo catalog) or publish some.");
        }

        Catalog = products;
    }

    /// <summary>Creates a published product with <paramref name="stock"/> units, as the admin.</summary>
    public async Task<CatalogProduct> CreateProductAsync(string sku, long stock, CancellationToken cancellationToken)
    {
        var token = await AdminTokenAsync(cancellationToken);
        var body = Json.Of(new
        {
            sku,
            name = "Load test item " + sku,
            description = "Made by the load suite.",
            category = "load-test",
            price = new { amountMinor = 1_000, currency = "EUR" },
            stock,
        });
        var step = new PreparationStep("creating product " + sku, 1);
        Require(await backoff.SendAsync(step, ct => api.SendAsync(HttpMethod.Post, "/v1/products", body, token, cancellationToken: ct), cancellationToken), step.What);
        return new CatalogProduct(sku, "Load test item " + sku, "load-test", 1_000);
    }

    /// <summary>Units of <paramref name="sku"/> a shopper can still buy.</summary>
    public async Task<long> AvailableAsync(string sku, CancellationToken cancellationToken)
    {
        var step = new PreparationStep("reading product " + sku, 1);
        var response = await backoff.SendAsync(step, ct => api.GetAsync("/v1/products/" + sku, cancellationToken: ct), cancellationToken);
        Require(response, step.What);
        using var json = response.Json();
        return json.RootElement.TryGetProperty("stock", out var stock) ? stock.GetInt64() : 0;
    }

    /// <summary>
    /// How many units the orders of <paramref name="shoppers"/> hold in each status, as the shop lists them: what the
    /// shop did, whatever the shoppers saw (an order whose shopper gave up or was cut short may still have been
    /// placed, and a cart whose order was refused keeps its line for the next order).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> OrderedUnitsByStatusAsync(IReadOnlyList<Shopper> shoppers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shoppers);
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var step = new PreparationStep("listing the shoppers' orders", shoppers.Count);
        await Parallel.ForAsync(0, shoppers.Count, Options(cancellationToken), async (i, ct) =>
        {
            for (var page = 1; ; page++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"/v1/orders?pageSize=100&page={page}");
                var response = await backoff.SendAsync(step, c => api.GetAsync(path, shoppers[i].AccessToken, cancellationToken: c), ct);
                Require(response, step.What);
                using var json = response.Json();
                var items = json.RootElement.GetProperty("items");
                foreach (var order in items.EnumerateArray())
                {
                    var units = order.GetProperty("lines").EnumerateArray().Sum(line => line.GetProperty("quantity").GetInt64());
                    counts.AddOrUpdate(order.GetProperty("status").GetString() ?? "", units, (_, n) => n + units);
                }

                if (items.GetArrayLength() < 100)
                {
                    break;
                }
            }
        });
        return counts;
    }

    /// <summary>Registers <paramref name="count"/> shoppers.</summary>
    public async Task<Shopper[]> RegisterShoppersAsync(int count, string prefix, CancellationToken cancellationToken)
    {
        var shoppers = new Shopper[count];
        var step = new PreparationStep("registering shoppers", count);
        await Parallel.ForAsync(0, count, Options(cancellationToken), async (i, ct) =>
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}@load.example.com");
            var body = Json.Of(new { email, password = ShopperPassword, name = "Load shopper" });
            var response = await backoff.SendAsync(step, c => api.SendAsync(HttpMethod.Post, "/v1/auth/register", body, cancellationToken: c), ct);
            Require(response, "registering " + email);
            shoppers[i] = new Shopper(email, response.Text("accessToken")!);
        });
        return shoppers;
    }

    /// <summary>Opens <paramref name="count"/> guest carts.</summary>
    public async Task<string[]> GuestCartsAsync(int count, CancellationToken cancellationToken)
    {
        var carts = new string[count];
        var step = new PreparationStep("opening guest carts", count);
        await Parallel.ForAsync(0, count, Options(cancellationToken), async (i, ct) =>
        {
            var response = await backoff.SendAsync(step, c => api.GetAsync("/v1/cart", cancellationToken: c), ct);
            Require(response, "opening a guest cart");
            carts[i] = response.CartId ?? throw new PreparationFailedException(PreparationFailure.Refused, "GET /v1/cart answered without an X-Cart-Id header: is the target the shop?");
        });
        return carts;
    }

    /// <summary>Puts one unit of <paramref name="sku"/> into each shopper's cart.</summary>
    public async Task FillCartsAsync(IReadOnlyList<Shopper> shoppers, string sku, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shoppers);
        var step = new PreparationStep("filling carts", shoppers.Count);
        await Parallel.ForAsync(0, shoppers.Count, Options(cancellationToken), async (i, ct) =>
            Require(await backoff.SendAsync(step, c => api.SendAsync(HttpMethod.Post, "/v1/cart/items", Json.Item(sku, 1), shoppers[i].AccessToken, cancellationToken: c), ct), "filling a cart"));
    }

    /// <summary>The admin's access token (logged in once per run).</summary>
    public async Task<string> AdminTokenAsync(CancellationToken cancellationToken)
    {
        if (adminToken is not null)
        {
            return adminToken;
        }

        var body = Json.Of(new { email = adminEmail, password = adminPassword });
        var step = new PreparationStep($"logging in the admin {adminEmail} (set --admin-email/--admin-password)", 1);
        var response = await backoff.SendAsync(step, ct => api.SendAsync(HttpMethod.Post, "/v1/auth/login", body, cancellationToken: ct), cancellationToken);
        Require(response, step.What);
        adminToken = response.Text("accessToken");
        return adminToken!;
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = PreparationParallelism, CancellationToken = cancellationToken };

    private List<CatalogProduct> Items(ApiResponse response)
    {
        try
        {
            using var json = response.Json();
            return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(Product)];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PreparationFailedException(PreparationFailure.Refused,
                $"{api.BaseAddress}v1/products does not answer with the shop's catalog JSON: is --target the shop?");
        }
    }

    private static CatalogProduct Product(JsonElement item) => new(
        item.GetProperty("sku").GetString()!,
        item.GetProperty("name").GetString()!,
        item.GetProperty("category").GetString()!,
        item.GetProperty("price").GetProperty("amountMinor").GetInt64());

    private static void Require(ApiResponse response, string what)
    {
        if (!response.Ok)
        {
            throw new PreparationFailedException(PreparationFailure.Refused, $"The shop refused {what}: HTTP {response.Status} {response.Explanation()}");
        }
    }
}
