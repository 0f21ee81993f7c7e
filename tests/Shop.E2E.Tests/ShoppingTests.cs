using Microsoft.Playwright;
using Shop.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Shop.E2E.Tests;

/// <summary>A shopper's journeys through the storefront in a real browser against a real gateway.</summary>
[Collection(StorefrontTests.Name)]
public sealed class ShoppingTests(Storefront storefront)
{
    [SkippableFact]
    public async Task A_guest_browses_searches_fills_a_cart_registers_keeping_it_and_pays_cash_on_delivery_to_CONFIRMED()
    {
        storefront.SkipIfUnavailable();
        var shopper = new Shopper(await storefront.NewPageAsync());

        await shopper.OpenCatalogAsync();
        await shopper.Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^computers") }).ClickAsync();
        await Expect(shopper.Page.GetByRole(AriaRole.Heading, new() { Name = "computers" })).ToBeVisibleAsync();
        await shopper.SearchAsync("mouse");
        await Expect(shopper.ProductCards.First).ToContainTextAsync("Mouse");
        var product = await shopper.AddFirstProductToCartAsync();
        await Expect(shopper.CartCount).ToHaveTextAsync("1");
        await shopper.Page.ReloadAsync();
        await Expect(shopper.CartCount).ToHaveTextAsync("1");
        await shopper.Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Cart") }).ClickAsync();
        var line = shopper.Page.Locator("li.line");
        await line.GetByLabel("Quantity").FillAsync("3");
        await line.GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
        await Expect(shopper.CartCount).ToHaveTextAsync("3");
        await shopper.Page.GetByRole(AriaRole.Link, new() { Name = "Check out" }).ClickAsync();
        await Expect(shopper.Page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await shopper.Page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await shopper.RegisterAsync(Shopper.NewEmail());
        await Expect(shopper.Page.GetByRole(AriaRole.Heading, new() { Name = "Checkout" })).ToBeVisibleAsync();
        await Expect(shopper.CartCount).ToHaveTextAsync("3");
        await shopper.FillAddressAsync();
        await shopper.Page.GetByLabel("Cash on delivery").CheckAsync();
        await shopper.PlaceOrderAsync();

        await Expect(shopper.OrderStatus).ToHaveTextAsync("CONFIRMED", new() { Timeout = 30_000 });
        await Expect(shopper.Page.GetByRole(AriaRole.Cell, new() { Name = product })).ToBeVisibleAsync();
        await Expect(shopper.CartCount).ToHaveTextAsync("0");
        await shopper.Page.GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true }).ClickAsync();
        await Expect(shopper.Page.Locator("table.table tbody tr")).ToHaveCountAsync(1);
        await Expect(shopper.Page.Locator("table.table tbody tr")).ToContainTextAsync("Confirmed");
    }

    [SkippableFact]
    public async Task A_declined_test_card_ends_the_order_CANCELLED_with_the_reason_shown()
    {
        storefront.SkipIfUnavailable();
        var shopper = await storefront.NewShopperAtCheckoutAsync();

        await shopper.PayByTestCardAsync("tok_chargeDeclined");

        await Expect(shopper.OrderStatus).ToHaveTextAsync("CANCELLED", new() { Timeout = 30_000 });
        await Expect(shopper.Page.GetByTestId("order-reason")).ToContainTextAsync("The payment was declined.");
        await Expect(shopper.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" })).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task A_shipping_address_error_is_shown_next_to_its_field_whether_the_browser_or_the_gateway_finds_it()
    {
        storefront.SkipIfUnavailable();
        var shopper = await storefront.NewShopperAtCheckoutAsync();

        await shopper.FillAddressAsync(city: "");
        await shopper.Page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        var city = shopper.Page.GetByLabel("City");
        await Expect(city).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(city).ToHaveAccessibleDescriptionAsync("Enter the city.");
        await Expect(city).ToBeFocusedAsync();

        // Longer than the gateway's 200 characters: only the gateway's own validation catches it.
        await shopper.FillAddressAsync(name: new string('A', 201));
        await shopper.Page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        var name = shopper.Page.GetByLabel("Full name");
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(shopper.Page.Locator("[data-field-error=name]")).ToHaveTextAsync("Name must be at most 200 characters.");
        await Expect(shopper.Page.GetByText("{")).ToHaveCountAsync(0);
        Assert.EndsWith("/checkout", shopper.Page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_shopper_cancels_an_order_that_is_not_yet_confirmed_and_sees_it_in_the_history()
    {
        storefront.SkipIfUnavailable();
        var shopper = await storefront.NewShopperAtCheckoutAsync();
        // A card that needs authentication waits in a non-final state: the built-in gateway cannot authenticate it.
        await shopper.PayByTestCardAsync("tok_threeDSecure2Required");
        await Expect(shopper.Page.GetByText("Your bank asks you to confirm this payment.")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await shopper.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" }).ClickAsync();

        await Expect(shopper.OrderStatus).ToHaveTextAsync("CANCELLED", new() { Timeout = 30_000 });
        await Expect(shopper.Page.GetByTestId("order-reason")).ToContainTextAsync("You cancelled this order.");
    }
}
