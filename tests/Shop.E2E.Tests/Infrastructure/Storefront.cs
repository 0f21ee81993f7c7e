using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.E2E.Tests.Infrastructure;

/// <summary>
/// One running gateway and one headless Debian Chromium shared by the browser tests; each test opens its own browser
/// context (its own storage, so its own guest cart and session). Without Chromium or without a storefront build the
/// tests report themselves skipped with the reason.
/// </summary>
public sealed class Storefront : IAsyncLifetime
{
    /// <summary>Debian's Chromium, the only browser these tests use (no browser is ever downloaded).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The seeded administrator of Development.</summary>
    public const string AdminEmail = "admin@shop.local";

    /// <summary>The seeded administrator's password in Development.</summary>
    public const string AdminPassword = "ChangeMe-Admin-1";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private GatewayProcess? _gateway;

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The gateway.</summary>
    public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException(SkipReason);

    /// <summary>Skips the calling test when the browser or the storefront build is missing.</summary>
    public void SkipIfUnavailable() => Skip.If(SkipReason is not null, SkipReason);

    /// <summary>A fresh browser context (phone-sized when asked) with a page on the storefront.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Gateway.BaseAddress.ToString(),
            ViewportSize = viewport ?? Viewports.Desktop,
            IsMobile = viewport == Viewports.Phone,
            HasTouch = viewport == Viewports.Phone,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A newly registered shopper with one product in the cart, on the checkout page.</summary>
    public async Task<Shopper> NewShopperAtCheckoutAsync()
    {
        var shopper = new Shopper(await NewPageAsync());
        await shopper.Page.GotoAsync("/register");
        await shopper.RegisterAsync(Shopper.NewEmail());
        await shopper.OpenCatalogAsync();
        await shopper.AddFirstProductToCartAsync();
        await shopper.Page.GotoAsync("/checkout");
        await Expect(shopper.Page.GetByRole(AriaRole.Heading, new() { Name = "Checkout" })).ToBeVisibleAsync();
        return shopper;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        SkipReason = !File.Exists(ChromiumPath)
            ? $"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium; ./test.sh does)."
            : !File.Exists(Locations.StorefrontIndex)
                ? $"The storefront is not built ({Locations.StorefrontIndex} is missing): run npm ci && npm run build in frontend/ (./test.sh does)."
                : null;
        if (SkipReason is not null)
        {
            return;
        }

        Assertions.SetDefaultExpectTimeout(15_000);
        _gateway = await GatewayProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}
