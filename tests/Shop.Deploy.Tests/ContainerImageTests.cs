using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Deploy.Tests.Infrastructure;
using Shop.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace Shop.Deploy.Tests;

/// <summary>
/// The two images, built for real, run as pods would: non-root on a read-only root filesystem, two silo containers
/// and a gateway container against the test's PostgreSQL and Redis, the schema migrated by the migration Job's
/// command; they become ready and sell a product.
/// </summary>
public sealed class ContainerImageTests(ShopImages images, PostgresServer postgres, RedisServer redis, ITestOutputHelper output)
    : IClassFixture<ShopImages>, IClassFixture<PostgresServer>, IClassFixture<RedisServer>
{
    private const string SigningKey = "image-tests-signing-key-0123456789-abcdefghijklmnop";

    [SkippableFact]
    public async Task The_images_run_as_non_root_declare_their_ports_and_carry_source_revision_and_version_labels()
    {
        Skip.If(images.SkipReason is not null, images.SkipReason);
        foreach (var (image, name) in new[] { (images.Silo, ShopContainer.SiloImage), (images.Gateway, ShopContainer.GatewayImage) })
        {
            var inspected = await ShopImages.InspectAsync(image);
            var config = inspected.GetProperty("Config");
            output.WriteLine($"{name}: {inspected.GetProperty("Size").GetInt64() / 1_000_000} MB");

            Assert.Equal("1654", config.GetProperty("User").GetString());
            var ports = config.GetProperty("ExposedPorts").EnumerateObject().Select(p => int.Parse(p.Name.Split('/')[0], CultureInfo.InvariantCulture)).ToHashSet();
            Assert.Equal(ImageDefinition.PortsOf(name).Order(), ports.Order());
            var labels = config.GetProperty("Labels");
            foreach (var label in new[] { "org.opencontainers.image.source", "org.opencontainers.image.revision", "org.opencontainers.image.version" })
            {
                Assert.False(string.IsNullOrEmpty(labels.TryGetProperty(label, out var value) ? value.GetString() : null), $"{name} lacks label {label}");
            }
        }

        foreach (var line in images.Log)
        {
            output.WriteLine(line);
        }
    }

    [SkippableFact]
    public async Task Two_silo_containers_and_a_gateway_container_become_ready_and_sell_a_product()
    {
        Skip.If(images.SkipReason is not null, images.SkipReason);
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        Skip.If(redis.SkipReason is not null, redis.SkipReason);
        var run = Guid.NewGuid().ToString("N")[..8];
        var database = await postgres.CreateDatabaseAsync("images");
        var cluster = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = database,
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Shop__Orleans__Clustering"] = "AdoNet",
            ["Shop__Orleans__ClusterId"] = "images-" + run,
        };
        var containers = new List<string>();
        try
        {
            var migrated = await Podman.RunAsync($"shop-migrate-{run}", images.Silo, cluster, "migrate");
            Assert.True(migrated.ExitCode == 0, $"migrate exited with {migrated.ExitCode}: {migrated.Output}{migrated.Error}");

            var silos = new List<int>();
            var siloGateways = new Dictionary<string, string>();
            for (var i = 1; i <= 2; i++)
            {
                var httpPort = FreePort.Next();
                var orleansGatewayPort = FreePort.Next();
                silos.Add(httpPort);
                // The Client-mode gateway reads no membership table: it is told the silos' gateway endpoints, as the
                // headless Service shop-silo-gateway tells it in a cluster.
                siloGateways[$"Shop__Orleans__Gateways__{i - 1}"] = $"127.0.0.1:{Port(orleansGatewayPort)}";
                containers.Add(await Podman.StartAsync($"shop-silo{i}-{run}", images.Silo, With(cluster, new()
                {
                    ["ASPNETCORE_URLS"] = Url(httpPort),
                    ["Shop__Orleans__SiloPort"] = Port(FreePort.Next()),
                    ["Shop__Orleans__GatewayPort"] = Port(orleansGatewayPort),
                    ["Shop__Storage__Default"] = "Postgres",
                    ["Shop__Storage__carts"] = "Redis",
                    ["Shop__Seed__Demo"] = "true",
                    ["Shop__Search__Lucene__Path"] = "/data/search",
                    ["Shop__Email__PickupFolder"] = "/data/mail",
                })));
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            // As a Deployment's pods would after restarts: the gateway gives up on a cluster that is not there within
            // Shop:Gateway:ClusterConnectSeconds, and silos on a loaded machine can take longer than that to open.
            foreach (var port in silos)
            {
                await WaitReadyAsync(http, port, containers);
            }

            var gatewayPort = FreePort.Next();
            containers.Add(await Podman.StartAsync($"shop-gateway-{run}", images.Gateway, With(With(cluster, siloGateways), new()
            {
                ["ASPNETCORE_URLS"] = Url(gatewayPort),
                ["Shop__Gateway__Mode"] = "Client",
                ["Shop__Gateway__GrpcPort"] = Port(FreePort.Next()),
                ["Shop__Auth__SigningKey"] = SigningKey,
            })));

            await WaitReadyAsync(http, gatewayPort, containers);

            var gateway = new Uri(Url(gatewayPort));
            var status = await BuyOneAsync(http, gateway);

            Assert.Equal("CONFIRMED", status);
        }
        finally
        {
            await Podman.RemoveAsync(containers);
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, int port, List<string> containers)
    {
        try
        {
            await Eventually.Until(async () =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(Url(port) + "/readyz"));
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, TimeSpan.FromMinutes(3), $"/readyz on port {port}");
        }
        catch (Xunit.Sdk.FailException ex)
        {
            // Eventually fails the test at its deadline; the containers' own logs say why they never became ready.
            var logs = await Task.WhenAll(containers.Select(async c => $"--- {c}:\n{await Podman.LogsAsync(c)}"));
            throw new TimeoutException(ex.Message + Environment.NewLine + string.Join(Environment.NewLine, logs), ex);
        }
    }

    // Register, put the first product in the cart, order it cash on delivery, and wait for the saga's outcome.
    private static async Task<string?> BuyOneAsync(HttpClient http, Uri gateway)
    {
        // The search index is a projection of the seeded products: it fills shortly after the silos report ready.
        var sku = await Eventually.Value(async () =>
        {
            using var products = await http.GetFromJsonAsync<JsonDocument>(new Uri(gateway, "/v1/products?pageSize=5&sort=name"));
            var items = products!.RootElement.GetProperty("items");
            return items.GetArrayLength() > 0 ? items[0].GetProperty("sku").GetString() : null;
        }, found => found is not null, TimeSpan.FromSeconds(60), "the seeded catalog to be listed");
        using var registered = await http.PostAsJsonAsync(new Uri(gateway, "/v1/auth/register"),
            new { email = $"buyer-{Guid.NewGuid():N}@images.example.com", password = "Image-Tests-1", name = "Image buyer" });
        Assert.True(registered.IsSuccessStatusCode, $"register: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        using var account = await registered.Content.ReadFromJsonAsync<JsonDocument>();
        var token = new AuthenticationHeaderValue("Bearer", account!.RootElement.GetProperty("accessToken").GetString());

        using var add = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/v1/cart/items")) { Content = JsonContent.Create(new { sku, quantity = 1 }) };
        add.Headers.Authorization = token;
        using var added = await http.SendAsync(add);
        Assert.True(added.IsSuccessStatusCode, $"add to cart: {(int)added.StatusCode} {await added.Content.ReadAsStringAsync()}");

        using var order = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/v1/orders"))
        {
            Content = JsonContent.Create(new
            {
                paymentMethod = "cash_on_delivery",
                shippingAddress = new { name = "Image Buyer", line1 = "1 Container Street", city = "London", postalCode = "N1 9GU", country = "GB" },
            }),
        };
        order.Headers.Authorization = token;
        order.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var placed = await http.SendAsync(order);
        Assert.True(placed.IsSuccessStatusCode, $"place order: {(int)placed.StatusCode} {await placed.Content.ReadAsStringAsync()}");
        using var placedBody = await placed.Content.ReadFromJsonAsync<JsonDocument>();
        var orderId = placedBody!.RootElement.GetProperty("orderId").GetString();

        string? status = null;
        await Eventually.Until(async () =>
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, "/v1/orders/" + orderId));
            get.Headers.Authorization = token;
            using var response = await http.SendAsync(get);
            using var body = await response.Content.ReadFromJsonAsync<JsonDocument>();
            status = body!.RootElement.TryGetProperty("status", out var value) ? value.GetString() : null;
            return status is "CONFIRMED" or "CANCELLED";
        }, TimeSpan.FromSeconds(60), $"order {orderId} to be confirmed or cancelled");
        return status;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> common, Dictionary<string, string> own) =>
        common.Concat(own).ToDictionary(p => p.Key, p => p.Value);

    private static string Url(int port) => $"http://127.0.0.1:{Port(port)}";

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
