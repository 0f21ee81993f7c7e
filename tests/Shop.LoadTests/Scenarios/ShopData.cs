using System.Globalization;
using System.Text.Json;
using Shop.LoadTests.Api;

namespace Shop.LoadTests.Scenarios;

/// <summary>
/// What the scenarios share about the shop under load: its published catalog (read once) and an admin session to
/// create the products that checkout and the flash sale buy. Everything here happens before the measured phase.
/// </summary>
public sealed class ShopData(ShopApi api, string adminEmail, string adminPassword)
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
        for (var page = 1; page <= 20; page++)
        {
            var response = await api.GetAsync($"/v1/products?pageSize=100&page={page}&sort=name", cancellationToken: cancellationToken);
            Require(response, "listing the catalog");
            using var json = response.Json();
            var items = json.RootElement.GetProperty("items");
            products.AddRange(items.EnumerateArray().Select(Product));
            if (items.GetArrayLength() < 100)
            {
                break;
            }
        }

        if (products.Count == 0)
        {
            throw new InvalidOperationException("The shop has no published products; start it in Development (demo catalog) or add some.");
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
        Require(await api.SendAsync(HttpMethod.Post, "/v1/products", body, token, cancellationToken: cancellationToken), "creating product " + sku);
        return new CatalogProduct(sku, "Load test item " + sku, "load-test", 1_000);
    }

    /// <summary>Units of <paramref name="sku"/> a shopper can still buy.</summary>
    public async Task<long> AvailableAsync(string sku, CancellationToken cancellationToken)
    {
        var response = await api.GetAsync("/v1/products/" + sku, cancellationToken: cancellationToken);
        Require(response, "reading product " + sku);
        using var json = response.Json();
        return json.RootElement.TryGetProperty("stock", out var stock) ? stock.GetInt64() : 0;
    }

    /// <summary>Registers <paramref name="count"/> shoppers.</summary>
    public async Task<Shopper[]> RegisterShoppersAsync(int count, string prefix, CancellationToken cancellationToken)
    {
        var shoppers = new Shopper[count];
        await Parallel.ForAsync(0, count, Options(cancellationToken), async (i, ct) =>
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}@load.example.com");
            var body = Json.Of(new { email, password = ShopperPassword, name = "Load shopper" });
            var response = await api.SendAsync(HttpMethod.Post, "/v1/auth/register", body, cancellationToken: ct);
            Require(response, "registering " + email);
            shoppers[i] = new Shopper(email, response.Text("accessToken")!);
        });
        return shoppers;
    }

    /// <summary>Opens <paramref name="count"/> guest carts.</summary>
    public async Task<string[]> GuestCartsAsync(int count, CancellationToken cancellationToken)
    {
        var carts = new string[count];
        await Parallel.ForAsync(0, count, Options(cancellationToken), async (i, ct) =>
        {
            var response = await api.GetAsync("/v1/cart", cancellationToken: ct);
            Require(response, "opening a guest cart");
            carts[i] = response.CartId ?? throw new InvalidOperationException("GET /v1/cart issued no X-Cart-Id.");
        });
        return carts;
    }

    /// <summary>Puts one unit of <paramref name="sku"/> into each shopper's cart.</summary>
    public async Task FillCartsAsync(IReadOnlyList<Shopper> shoppers, string sku, CancellationToken cancellationToken) =>
        await Parallel.ForAsync(0, shoppers.Count, Options(cancellationToken), async (i, ct) =>
            Require(await api.SendAsync(HttpMethod.Post, "/v1/cart/items", Json.Item(sku, 1), shoppers[i].AccessToken, cancellationToken: ct), "filling a cart"));

    private async Task<string> AdminTokenAsync(CancellationToken cancellationToken)
    {
        if (adminToken is not null)
        {
            return adminToken;
        }

        var response = await api.SendAsync(HttpMethod.Post, "/v1/auth/login", Json.Of(new { email = adminEmail, password = adminPassword }), cancellationToken: cancellationToken);
        Require(response, $"logging in the admin {adminEmail} (set --admin-email/--admin-password)");
        adminToken = response.Text("accessToken");
        return adminToken!;
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = PreparationParallelism, CancellationToken = cancellationToken };

    private static CatalogProduct Product(JsonElement item) => new(
        item.GetProperty("sku").GetString()!,
        item.GetProperty("name").GetString()!,
        item.GetProperty("category").GetString()!,
        item.GetProperty("price").GetProperty("amountMinor").GetInt64());

    private static void Require(ApiResponse response, string what)
    {
        if (!response.Ok)
        {
            throw new InvalidOperationException($"Preparation failed {what}: HTTP {response.Status} {System.Text.Encoding.UTF8.GetString(response.Body)}");
        }
    }
}
