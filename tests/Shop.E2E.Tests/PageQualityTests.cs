using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shop.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Shop.E2E.Tests;

/// <summary>
/// The main pages at desktop and phone size: no serious or critical accessibility violations (axe-core), and a
/// screenshot of each left in tests/Shop.E2E.Tests/artifacts/ for people to look at.
/// </summary>
[Collection(StorefrontTests.Name)]
public sealed class PageQualityTests(Storefront storefront)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [SkippableTheory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_main_pages_have_no_serious_or_critical_accessibility_violations(string size)
    {
        storefront.SkipIfUnavailable();
        var viewport = size == "phone" ? Viewports.Phone : Viewports.Desktop;
        var shopper = new Shopper(await storefront.NewPageAsync(viewport));
        var problems = new List<string>();

        await CheckAsync(shopper.Page, "catalog", "/", size, problems);
        var productPath = await shopper.Page.Locator("li.card a.card-link").First.GetAttributeAsync("href");
        await CheckAsync(shopper.Page, "product", productPath!, size, problems);
        await CheckAsync(shopper.Page, "register", "/register", size, problems);
        await shopper.RegisterAsync(Shopper.NewEmail());
        await shopper.BuyWithCashOnDeliveryAsync();
        await CheckAsync(shopper.Page, "order", new Uri(shopper.Page.Url).AbsolutePath, size, problems);
        await CheckAsync(shopper.Page, "orders", "/orders", size, problems);
        await shopper.OpenCatalogAsync();
        await shopper.AddFirstProductToCartAsync();
        await CheckAsync(shopper.Page, "cart", "/cart", size, problems);
        await CheckAsync(shopper.Page, "checkout", "/checkout", size, problems);
        var admin = new Shopper(await storefront.NewPageAsync(viewport));
        await CheckAsync(admin.Page, "login", "/login", size, problems);
        await admin.LogInAsync(Storefront.AdminEmail, Storefront.AdminPassword, "/admin/products");
        await CheckAsync(admin.Page, "admin-products", "/admin/products", size, problems);
        await CheckAsync(admin.Page, "admin-new-product", "/admin/products/new", size, problems);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [SkippableFact]
    public async Task The_phone_menu_opens_with_the_keyboard_and_leads_to_the_cart()
    {
        storefront.SkipIfUnavailable();
        var page = await storefront.NewPageAsync(Viewports.Phone);
        await page.GotoAsync("/");
        var cart = page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Cart") });
        await Expect(cart).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await cart.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your cart" })).ToBeVisibleAsync();
    }

    private static async Task CheckAsync(IPage page, string name, string path, string size, List<string> problems)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Loading" })).ToHaveCountAsync(0);
        Directory.CreateDirectory(Locations.Artifacts);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Locations.Artifacts, $"{name}-{size}.png"), FullPage = true });
        var result = await page.RunAxe();
        problems.AddRange(result.Violations
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{name} ({size}): {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
    }
}
