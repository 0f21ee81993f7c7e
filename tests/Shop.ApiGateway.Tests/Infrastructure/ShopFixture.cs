using Shop.Catalog;
using Shop.Common;
using Shop.Inventory;
using Shop.Users;

namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>The shared running shop, with helpers to arrange catalog state and accounts.</summary>
public sealed class ShopFixture : IAsyncLifetime
{
    private readonly Lazy<Task<Account>> _shopper;
    private readonly Lazy<Task<Account>> _admin;
    private int _sequence;

    /// <summary>Creates the fixture; the shared accounts are made on first use.</summary>
    public ShopFixture()
        : this(new ShopApp())
    {
    }

    /// <summary>Creates the fixture on an app of the caller's (one observed by the test, or differently configured).</summary>
    internal ShopFixture(ShopApp app)
    {
        App = app;
        _shopper = new Lazy<Task<Account>>(ShopperAsync);
        _admin = new Lazy<Task<Account>>(AdminAsync);
    }

    /// <summary>One shopper shared by tests that only read or are refused (their cart stays empty).</summary>
    public Task<Account> SharedShopperAsync() => _shopper.Value;

    /// <summary>One admin shared by tests.</summary>
    public Task<Account> SharedAdminAsync() => _admin.Value;

    /// <summary>The app.</summary>
    public ShopApp App { get; }

    /// <summary>A fresh REST client (no cookies, no default headers).</summary>
    public ShopClient Client() => new(App.CreateClient());

    /// <summary>A unique suffix for names, e-mails and SKUs.</summary>
    public string Unique() => $"{Environment.TickCount64:x}{Interlocked.Increment(ref _sequence)}";

    /// <summary>Creates a published product with stock, straight on the grains, and waits until search finds it.</summary>
    public async Task<string> ProductAsync(long priceMinor = 1999, long onHand = 100, string category = "test")
    {
        var sku = "T-" + Unique();
        await App.Grains.GetGrain<IProductGrain>(sku).Create(new ProductDraft
        {
            Name = "Test product " + sku,
            Description = "A product made by a test.",
            Price = new Money(priceMinor, "EUR"),
            Category = category,
            Published = true,
        });
        await App.Grains.GetGrain<IStockItemGrain>(sku).SetOnHand(onHand);
        return sku;
    }

    /// <summary>A registered shopper.</summary>
    public async Task<Account> ShopperAsync()
    {
        var email = $"shopper-{Unique()}@example.com";
        var tokens = await Client().RegisterAsync(email, Requests.Password, "Shopper");
        return new Account(email, Guid.Parse(tokens.UserId), tokens);
    }

    /// <summary>A registered user granted the admin role, logged in again so the token carries it.</summary>
    public async Task<Account> AdminAsync()
    {
        var shopper = await ShopperAsync();
        await App.Grains.GetGrain<IUserGrain>(shopper.UserId).GrantRole(Roles.Admin);
        var tokens = await Client().LoginAsync(shopper.Email, Requests.Password);
        return shopper with { Tokens = tokens };
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var client = App.CreateClient();
        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await App.DisposeAsync();
}
