using Shop.Catalog;
using Shop.Common;
using Shop.Grains.Catalog;
using Shop.Grains.Tests.Support;

namespace Shop.Grains.Tests.Unit;

public sealed class ProductRulesTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("AUD-HP_001.v2")]
    public void Skus_of_letters_digits_dash_underscore_and_dot_are_valid(string sku)
    {
        Assert.True(Sku.IsValid(sku));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/no")]
    [InlineData("ümlaut")]
    public void Other_skus_are_invalid(string? sku)
    {
        Assert.False(Sku.IsValid(sku));
        Assert.False(Sku.IsValid(new string('A', Sku.MaxLength + 1)));
    }

    [Fact]
    public void A_good_draft_passes()
    {
        ProductRules.Validate(ShopDriver.Draft());
    }

    [Theory]
    [InlineData("", "home", 100, "EUR", "name")]
    [InlineData("Lamp", "", 100, "EUR", "category")]
    [InlineData("Lamp", "Home Goods", 100, "EUR", "category")]
    [InlineData("Lamp", "home", -1, "EUR", "price.amountMinor")]
    [InlineData("Lamp", "home", 100, "eur", "price.currency")]
    public void A_bad_draft_is_a_validation_error_naming_the_field(string name, string category, long price, string currency, string field)
    {
        var draft = new ProductDraft { Name = name, Category = category, Price = new Money(price, currency) };

        var error = Assert.Throws<ShopException>(() => ProductRules.Validate(draft));

        Assert.Equal((ErrorKind.Validation, field), (error.Kind, error.Code));
    }
}
