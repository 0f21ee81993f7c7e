using Microsoft.AspNetCore.Hosting;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Storefront;

/// <summary>
/// The shop serving a storefront build made by the test in a temporary web root: an index page and one hashed asset,
/// so the tests do not depend on whether <c>frontend/</c> was built.
/// </summary>
public sealed class StorefrontSite : IAsyncLifetime
{
    /// <summary>A marker only the test's index page contains.</summary>
    public const string IndexMarker = "storefront-index-made-by-the-test";

    /// <summary>The path of the hashed asset.</summary>
    public const string AssetPath = "/assets/index-Bx3k9Q2a.js";

    /// <summary>A file the build holds under an API path, which the API's paths must never serve.</summary>
    public const string FileUnderApiPath = "/v1/shadowed.json";

    private readonly string _webRoot = Directory.CreateTempSubdirectory("shop-storefront-").FullName;

    /// <summary>Creates the web root and the app serving it.</summary>
    public StorefrontSite()
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
        File.WriteAllText(Path.Combine(_webRoot, "index.html"), $"<!doctype html><title>Shop</title><p>{IndexMarker}</p>");
        File.WriteAllText(Path.Combine(_webRoot, AssetPath.TrimStart('/')), "console.log('storefront');");
        Directory.CreateDirectory(Path.Combine(_webRoot, "v1"));
        File.WriteAllText(Path.Combine(_webRoot, FileUnderApiPath.TrimStart('/')), "{}");
        App = new ShopApp(new Dictionary<string, string?>
        {
            ["webroot"] = _webRoot,
            // In Development the static web assets manifest would add the project's own wwwroot (a real storefront
            // build, when there is one) on top of this web root; a manifest path that does not exist leaves it out.
            [WebHostDefaults.StaticWebAssetsKey] = Path.Combine(_webRoot, "no-static-web-assets.json"),
        });
    }

    /// <summary>The app.</summary>
    public ShopApp App { get; }

    /// <summary>A fresh REST client.</summary>
    public ShopClient Client() => new(App.CreateClient());

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var client = App.CreateClient();
        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }
}
