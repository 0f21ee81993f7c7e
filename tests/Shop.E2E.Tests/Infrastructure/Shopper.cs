using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.E2E.Tests.Infrastructure;

/// <summary>What a person does in the storefront, in the words of its pages (labels, buttons, headings).</summary>
public sealed class Shopper(IPage page)
{
    private static int _sequence;

    /// <summary>The page.</summary>
    public IPage Page { get; } = page;

    /// <summary>An e-mail address no other test uses.</summary>
    public static string NewEmail() => $"shopper-{Guid.NewGuid():N}@example.com";

    /// <summary>A word no other product or test uses.</summary>
    public static string UniqueWord() => $"Zephyr{Environment.TickCount64 % 100_000}x{Interlocked.Increment(ref _sequence)}";

    /// <summary>The units shown in the header's cart badge.</summary>
    public ILocator CartCount => Page.GetByTestId("cart-count");

    /// <summary>Opens the catalog.</summary>
    public async Task OpenCatalogAsync()
    {
        await Page.GotoAsync("/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "All products" })).ToBeVisibleAsync();
        await Expect(Page.Locator("section.results")).ToHaveAttributeAsync("aria-busy", "false");
    }

    /// <summary>Types into the search box and waits for the results of that search.</summary>
    public async Task SearchAsync(string text)
    {
        await Page.GetByLabel("Search", new() { Exact = true }).FillAsync(text);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Results for “{text}”" })).ToBeVisibleAsync();
        await Expect(Page.Locator("section.results")).ToHaveAttributeAsync("aria-busy", "false");
    }

    /// <summary>The product cards shown.</summary>
    public ILocator ProductCards => Page.Locator("li.card");

    /// <summary>Adds the first product shown to the cart from its card.</summary>
    public async Task<string> AddFirstProductToCartAsync()
    {
        var card = ProductCards.First;
        var name = await card.Locator("h2").InnerTextAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = $"Add to cart {name}" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = $"Added ✓ {name}" })).ToBeVisibleAsync();
        return name;
    }

    /// <summary>Registers through the form, starting from the current page's link or the register page.</summary>
    public async Task RegisterAsync(string email, string name = "Ann Shopper", string password = "correct-horse-battery")
    {
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Create an account" })).ToBeHiddenAsync();
    }

    /// <summary>Logs in on the login page.</summary>
    public async Task LogInAsync(string email, string password, string next = "/")
    {
        await Page.GotoAsync($"/login?next={Uri.EscapeDataString(next)}");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeHiddenAsync();
    }

    /// <summary>Fills the checkout's shipping address.</summary>
    public async Task FillAddressAsync(string name = "Ann Shopper", string city = "Berlin")
    {
        await Page.GetByLabel("Full name").FillAsync(name);
        await Page.GetByLabel("Address", new() { Exact = true }).FillAsync("Unter den Linden 1");
        await Page.GetByLabel("City").FillAsync(city);
        await Page.GetByLabel("Postal code").FillAsync("10117");
        await Page.GetByLabel("Country code").FillAsync("DE");
    }

    /// <summary>Places the order and waits for its page.</summary>
    public async Task PlaceOrderAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        // An assertion rather than a wait for the URL: when it fails, Playwright shows the page (and any error on it).
        await Expect(Page.Locator("main h1")).ToHaveTextAsync(new Regex("^Order [0-9a-f]{8}$"));
    }

    /// <summary>
    /// The number of shown products naming <paramref name="word"/>, reloading the search until it is
    /// <paramref name="expected"/> or a deadline passes: catalog changes reach the search index through a stream.
    /// </summary>
    public async Task<int> CountAfterIndexingAsync(string word, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await Page.ReloadAsync();
            await Expect(Page.Locator("section.results")).ToHaveAttributeAsync("aria-busy", "false");
            var count = await ProductCards.Filter(new() { HasText = word }).CountAsync();
            if (count == expected || DateTime.UtcNow > deadline)
            {
                return count;
            }
        }
    }

    /// <summary>Fills the address and places the order with one of the built-in payment gateway's test cards.</summary>
    public async Task PayByTestCardAsync(string token)
    {
        await FillAddressAsync();
        await Page.GetByLabel("Card", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Test card").SelectOptionAsync(token);
        await PlaceOrderAsync();
    }

    /// <summary>The status shown on an order's page.</summary>
    public ILocator OrderStatus => Page.GetByTestId("order-status");

    /// <summary>Puts one product in a fresh account's cart and checks out with cash on delivery, to CONFIRMED.</summary>
    public async Task BuyWithCashOnDeliveryAsync()
    {
        await OpenCatalogAsync();
        await AddFirstProductToCartAsync();
        await Page.GotoAsync("/checkout");
        await FillAddressAsync();
        await Page.GetByLabel("Cash on delivery").CheckAsync();
        await PlaceOrderAsync();
        await Expect(OrderStatus).ToHaveTextAsync("CONFIRMED", new() { Timeout = 30_000 });
    }
}
