using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>A running shop whose logs and spans the tests read; its saga runs on memory streams unless told otherwise.</summary>
public class ObservedShopFixture : IAsyncLifetime
{
    /// <summary>Creates the shop with the default settings of <see cref="ShopApp"/>.</summary>
    public ObservedShopFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>Creates the shop with <paramref name="settings"/> on top of the defaults.</summary>
    protected ObservedShopFixture(IReadOnlyDictionary<string, string?> settings)
    {
        App = new ObservedShopApp(settings);
        Shop = new ShopFixture(App);
    }

    /// <summary>The observed app.</summary>
    public ObservedShopApp App { get; }

    /// <summary>The shop's helpers (products, accounts, clients) on <see cref="App"/>.</summary>
    public ShopFixture Shop { get; }

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Shop.InitializeAsync();

    /// <inheritdoc />
    public virtual Task DisposeAsync() => Shop.DisposeAsync();
}
