using Microsoft.Playwright;
using Shop.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Shop.E2E.Tests;

/// <summary>The catalog shows each product's picture, loaded, named and cached; an admin sets a product's pictures.</summary>
[Collection(StorefrontTests.Name)]
public sealed class ProductImageTests(Storefront storefront)
{
    private const string ImageLoaded = "image => image.complete && image.naturalWidth > 0";

    [SkippableFact]
    public async Task Every_picture_on_the_catalog_page_loads_lazily_and_is_named_after_its_product()
    {
        storefront.SkipIfUnavailable();
        var page = await storefront.NewPageAsync();
        await page.GotoAsync("/");
        var cards = page.Locator("li.card");
        await Expect(cards.First.Locator("img")).ToBeVisibleAsync();

        var count = await cards.CountAsync();
        Assert.True(count >= 12, $"The first catalog page shows {count} products.");
        for (var i = 0; i < count; i++)
        {
            var card = cards.Nth(i);
            var image = card.Locator("img");
            await image.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync(ImageLoaded, await image.ElementHandleAsync());
            Assert.Equal((await card.Locator("h2").InnerTextAsync()).Trim(), await image.GetAttributeAsync("alt"));
            Assert.Equal("lazy", await image.GetAttributeAsync("loading"));
        }

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        Directory.CreateDirectory(Locations.Artifacts);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Locations.Artifacts, "storefront-catalog.png") });
    }

    [SkippableFact]
    public async Task A_product_picture_is_served_as_svg_cached_for_a_year_under_its_content_hash()
    {
        storefront.SkipIfUnavailable();
        var page = await storefront.NewPageAsync();
        await page.GotoAsync("/");
        var source = await page.Locator("li.card img").First.GetAttributeAsync("src");

        var response = await page.APIRequest.GetAsync(source!);

        Assert.Equal(200, response.Status);
        Assert.Matches("^/images/products/[a-z0-9-]+\\.[0-9a-f]{10}\\.svg$", source);
        Assert.Equal("image/svg+xml", response.Headers["content-type"]);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers["cache-control"]);
    }

    [SkippableFact]
    public async Task An_admin_sets_a_products_image_urls_and_shoppers_see_that_picture()
    {
        storefront.SkipIfUnavailable();
        var shopper = new Shopper(await storefront.NewPageAsync());
        await shopper.OpenCatalogAsync();
        var picture = await shopper.ProductCards.First.Locator("img").GetAttributeAsync("src");
        var admin = new Shopper(await storefront.NewPageAsync());
        var word = Shopper.UniqueWord();
        var sku = "E2E-" + word;
        await admin.LogInAsync(Storefront.AdminEmail, Storefront.AdminPassword, "/admin/products/new");

        await admin.Page.GetByLabel("SKU").FillAsync(sku);
        await admin.Page.GetByLabel("Name", new() { Exact = true }).FillAsync($"{word} Lantern");
        await admin.Page.GetByLabel("Category").FillAsync("lighting");
        await admin.Page.GetByLabel("Price").FillAsync("19.90");
        await admin.Page.GetByLabel("Image URLs (one per line)").FillAsync(picture!);
        await Expect(admin.Page.GetByRole(AriaRole.Img, new() { Name = $"{word} Lantern, image 1" })).ToBeVisibleAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Manage products" })).ToBeVisibleAsync();

        await shopper.Page.GotoAsync($"/products/{sku}");
        var image = shopper.Page.GetByRole(AriaRole.Img, new() { Name = $"{word} Lantern" });
        await Expect(image).ToHaveAttributeAsync("src", picture!);
        await shopper.Page.WaitForFunctionAsync(ImageLoaded, await image.ElementHandleAsync());
    }

    [SkippableFact]
    public async Task An_image_url_that_is_not_one_is_refused_next_to_its_field()
    {
        storefront.SkipIfUnavailable();
        var admin = new Shopper(await storefront.NewPageAsync());
        await admin.LogInAsync(Storefront.AdminEmail, Storefront.AdminPassword, "/admin/products/new");

        await admin.Page.GetByLabel("SKU").FillAsync("E2E-" + Shopper.UniqueWord());
        await admin.Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Broken picture");
        await admin.Page.GetByLabel("Category").FillAsync("lighting");
        await admin.Page.GetByLabel("Price").FillAsync("5");
        await admin.Page.GetByLabel("Image URLs (one per line)").FillAsync("javascript:alert(1)");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();

        await Expect(admin.Page.Locator("[data-field-error=images]")).ToContainTextAsync("is not an image URL");
    }
}
