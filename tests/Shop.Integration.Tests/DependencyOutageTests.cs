using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shop.Grains.Tests.Support;
using Shop.Integration.Tests.Fixtures;

namespace Shop.Integration.Tests;

/// <summary>
/// A dependency that is down gives 503 problem+json on the requests that need it, never 500, and the shop recovers by
/// itself when it is back, without losing what was written before (issue 3, DESIGN.md section 9).
/// </summary>
[Collection(ServersFixtures.Name)]
public sealed class DependencyOutageTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    // A Redis server of this class alone: stopping it must not disturb the tests that share the collection's server.
    private readonly RedisServer redis = new();

    /// <inheritdoc />
    public Task InitializeAsync() => redis.InitializeAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => redis.DisposeAsync();

    [SkippableFact]
    public async Task Cart_requests_answer_503_while_Redis_is_down_and_succeed_with_nothing_lost_once_it_is_back()
    {
        await using var app = await StartGateway();
        var sku = await new ShopDriver(app.Grains).Product(stock: 10);
        using var http = app.CreateClient();
        var cart = NewGuestCart();
        await AssertSuccess(await AddItem(http, cart, sku, 2));

        await redis.StopAsync();
        await AssertUnavailable(await AddItem(http, cart, sku, 1));
        // A cart never read before cannot even activate: its read fails, and that is a 503 as well.
        await AssertUnavailable(await GetCart(http, NewGuestCart()));

        await redis.StartAsync();
        await Eventually.Until(async () => (await GetCart(http, cart)).IsSuccessStatusCode, RecoveryTimeout, "the cart to answer again");
        await AssertSuccess(await AddItem(http, cart, sku, 1));

        // 2 before the outage + 1 after it: the refused add changed nothing, and nothing written before was lost.
        Assert.Equal(3, await Quantity(http, cart, sku));
    }

    [SkippableFact]
    public async Task User_requests_answer_503_while_PostgreSQL_is_down_and_succeed_with_nothing_lost_once_it_is_back()
    {
        // A PostgreSQL server of this test alone: stopping the collection's server would fail the tests sharing it.
        var ownPostgres = new PostgresServer();
        try
        {
            await ownPostgres.InitializeAsync();
            var settings = Settings.Production(await ownPostgres.CreateDatabaseAsync("outage"), redis: null, Settings.NewServiceId("pgoutage"));
            settings["Shop:Orleans:Clustering"] = "Localhost";
            await using var app = new GatewayApp(settings);
            _ = app.Server;
            using var http = app.CreateClient();
            var before = NewEmail();
            var tokens = JsonNode.Parse(await AssertSuccess(await Register(http, before)))!;
            var accessToken = tokens["accessToken"]!.GetValue<string>();

            await ownPostgres.StopAsync();
            var during = NewEmail();
            // A new user is a write to PostgreSQL; a user never activated cannot even be read.
            await AssertUnavailable(await Register(http, during));

            await ownPostgres.StartAsync();
            await Eventually.Until(async () => (await Login(http, before)).IsSuccessStatusCode, RecoveryTimeout, "login to answer again");
            var profile = JsonNode.Parse(await AssertSuccess(await Me(http, accessToken)))!;
            Assert.Equal(before, profile["email"]!.GetValue<string>());
            // The refused registration claimed nothing: the same e-mail registers now.
            await AssertSuccess(await Register(http, during));
            await AssertSuccess(await Login(http, during));
        }
        finally
        {
            await ownPostgres.DisposeAsync();
        }
    }

    private const string Password = "correct horse battery";

    private static string NewEmail() => $"u{Guid.NewGuid():N}@example.com";

    private static Task<HttpResponseMessage> Register(HttpClient http, string email) =>
        Buffered(http.PostAsJsonAsync("/v1/auth/register", new { email, password = Password, name = "Outage User" }));

    private static Task<HttpResponseMessage> Login(HttpClient http, string email) =>
        Buffered(http.PostAsJsonAsync("/v1/auth/login", new { email, password = Password }));

    private static async Task<HttpResponseMessage> Me(HttpClient http, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/me");
        request.Headers.Authorization = new("Bearer", accessToken);
        return await Buffered(http.SendAsync(request));
    }

    private static async Task<HttpResponseMessage> Buffered(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private async Task<GatewayApp> StartGateway()
    {
        var database = await postgres.CreateDatabaseAsync("outage");
        var settings = Settings.Production(database, RedisWithShortTimeouts(), Settings.NewServiceId("outage"));
        // Membership of the co-hosted silo stays local: the outage under test is of state storage, not clustering.
        settings["Shop:Orleans:Clustering"] = "Localhost";
        var app = new GatewayApp(settings);
        _ = app.Server; // starts the host now, so a failing start fails here and not inside a request
        return app;
    }

    // StackExchange.Redis queues commands while disconnected and fails them after its timeout (5 s by default).
    private string RedisWithShortTimeouts() => $"{redis.ConnectionString},syncTimeout=1500,asyncTimeout=1500,connectTimeout=1500";

    private static string NewGuestCart() => "guest-" + Guid.NewGuid().ToString("N");

    private static Task<HttpResponseMessage> AddItem(HttpClient http, string cart, string sku, int quantity) =>
        Send(http, HttpMethod.Post, cart, JsonContent.Create(new { sku, quantity }));

    private static Task<HttpResponseMessage> GetCart(HttpClient http, string cart) => Send(http, HttpMethod.Get, cart, content: null);

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string cart, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, method == HttpMethod.Get ? "/v1/cart" : "/v1/cart/items") { Content = content };
        request.Headers.Add("X-Cart-Id", cart);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<int> Quantity(HttpClient http, string cart, string sku)
    {
        using var response = await GetCart(http, cart);
        var body = JsonNode.Parse(await AssertSuccess(response))!;
        return body["lines"]!.AsArray().Single(line => line!["sku"]!.GetValue<string>() == sku)!["quantity"]!.GetValue<int>();
    }

    private static async Task<string> AssertSuccess(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"expected success, got {(int)response.StatusCode}: {text}");
        return text;
    }

    private static async Task AssertUnavailable(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, JsonNode.Parse(text)!["status"]!.GetValue<int>());
    }
}
