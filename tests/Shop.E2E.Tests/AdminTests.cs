using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shop.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Shop.E2E.Tests;

/// <summary>An administrator manages the catalog in the storefront; shoppers see the result.</summary>
[Collection(StorefrontTests.Name)]
public sealed partial class AdminTests(Storefront storefront)
{
    [SkippableFact]
    public async Task An_admin_creates_a_product_and_sets_its_stock_and_a_shopper_then_finds_it()
    {
        storefront.SkipIfUnavailable();
        var admin = new Shopper(await storefront.NewPageAsync());
        var word = Shopper.UniqueWord();
        var sku = "E2E-" + word;
        await admin.LogInAsync(Storefront.AdminEmail, Storefront.AdminPassword);
        var row = await CreateProductAsync(admin, sku, word);
        await row.GetByLabel($"Stock of {word} Desk Lamp").FillAsync("7");
        await row.GetByRole(AriaRole.Button, new() { Name = "Set stock" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Status)).ToHaveTextAsync("Stock saved.");

        var shopper = new Shopper(await storefront.NewPageAsync());
        await shopper.OpenCatalogAsync();
        await shopper.SearchAsync(word.ToLowerInvariant());
        await shopper.ProductCards.Filter(new() { HasText = word }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(shopper.Page.GetByRole(AriaRole.Heading, new() { Name = $"{word} Desk Lamp" })).ToBeVisibleAsync();
        await Expect(shopper.Page.GetByText("In stock: 7 available")).ToBeVisibleAsync();
        await Expect(shopper.Page.GetByText("€49.90")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task A_product_form_error_from_the_gateway_is_shown_next_to_its_field()
    {
        storefront.SkipIfUnavailable();
        var admin = new Shopper(await storefront.NewPageAsync());
        await admin.LogInAsync(Storefront.AdminEmail, Storefront.AdminPassword, "/admin/products/new");

        await admin.Page.GetByLabel("SKU").FillAsync("E2E-" + Shopper.UniqueWord());
        await admin.Page.GetByLabel("Name", new() { Exact = true }).FillAsync(new string('N', 500));
        await admin.Page.GetByLabel("Category").FillAsync("lighting");
        await admin.Page.GetByLabel("Price").FillAsync("5");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();

        await Expect(admin.Page.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(admin.Page.Locator("[data-field-error=name]")).ToHaveTextAsync(AtMost());
    }

    [SkippableFact]
    public async Task An_admin_unpublishes_a_product_and_shoppers_no_longer_find_it_then_publishes_it_again()
    {
        storefront.SkipIfUnavailable();
        var admin = new Shopper(await storefront.NewPageAsync());
        var word = Shopper.UniqueWord();
        await admin.LogInAsync(Storefront.AdminEmail, Storefront.AdminPassword);
        var row = await CreateProductAsync(admin, "E2E-" + word, word);
        var shopper = new Shopper(await storefront.NewPageAsync());
        await shopper.OpenCatalogAsync();
        await shopper.SearchAsync(word.ToLowerInvariant());
        await Expect(shopper.ProductCards.Filter(new() { HasText = word })).ToHaveCountAsync(1);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Unpublish {word} Desk Lamp" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Publish {word} Desk Lamp" })).ToBeVisibleAsync();

        Assert.Equal(0, await shopper.CountAfterIndexingAsync(word, expected: 0));
        await row.GetByRole(AriaRole.Button, new() { Name = $"Publish {word} Desk Lamp" }).ClickAsync();
        Assert.Equal(1, await shopper.CountAfterIndexingAsync(word, expected: 1));
    }

    // Creates a product through the admin pages (no stock) and returns its row in the admin list.
    private static async Task<ILocator> CreateProductAsync(Shopper admin, string sku, string word)
    {
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync();

        await admin.Page.GetByLabel("SKU").FillAsync(sku);
        await admin.Page.GetByLabel("Name", new() { Exact = true }).FillAsync($"{word} Desk Lamp");
        await admin.Page.GetByLabel("Description").FillAsync("A warm desk lamp made by a browser test.");
        await admin.Page.GetByLabel("Category").FillAsync("lighting");
        await admin.Page.GetByLabel("Price").FillAsync("49.90");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Manage products" })).ToBeVisibleAsync();
        await admin.Page.GetByLabel("Find products").FillAsync(word);
        var row = admin.Page.Locator($"tr[data-sku='{sku}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return row;
    }

    [GeneratedRegex("^Name must be at most \\d+ characters\\.$")]
    private static partial Regex AtMost();
}
