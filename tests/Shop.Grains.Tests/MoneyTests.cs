using Shop.Common;

namespace Shop.Grains.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void Adding_amounts_of_one_currency_sums_the_minor_units()
    {
        var total = Money.Of(1999, "EUR").Add(Money.Of(1, "EUR"));

        Assert.Equal(new Money(2000, "EUR"), total);
    }

    [Fact]
    public void Adding_different_currencies_is_refused()
    {
        var error = Assert.Throws<ShopException>(() => Money.Of(100, "EUR").Add(Money.Of(100, "USD")));

        Assert.Equal(ErrorKind.BusinessRule, error.Kind);
    }

    [Theory]
    [InlineData(-1, "EUR")]
    [InlineData(100, "eur")]
    [InlineData(100, "EURO")]
    [InlineData(Money.MaxAmountMinor + 1, "EUR")]
    public void Invalid_prices_are_validation_errors(long amount, string currency)
    {
        var error = Assert.Throws<ShopException>(() => Money.Of(amount, currency));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void A_line_total_is_unit_price_times_quantity()
    {
        Assert.Equal(new Money(5997, "EUR"), Money.Of(1999, "EUR").Times(3));
    }
}
