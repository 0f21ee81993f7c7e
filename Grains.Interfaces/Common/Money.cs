namespace Shop.Common;

/// <summary>
/// An amount of money in integer minor units (cents) of one ISO 4217 currency.
/// Arithmetic refuses to mix currencies and to overflow, so a total is never silently wrong.
/// </summary>
/// <param name="AmountMinor">The amount in minor units of <paramref name="Currency"/>, e.g. 1999 for 19.99.</param>
/// <param name="Currency">An upper-case three-letter ISO 4217 code, e.g. <c>EUR</c>.</param>
[GenerateSerializer, Immutable, Alias("shop.Money")]
public readonly record struct Money([property: Id(0)] long AmountMinor, [property: Id(1)] string Currency)
{
    /// <summary>The largest amount Shop accepts for one price or total (one billion major units).</summary>
    public const long MaxAmountMinor = 100_000_000_000;

    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(string currency) => new(0, currency);

    /// <summary>Whether <paramref name="currency"/> looks like an ISO 4217 code (three upper-case letters).</summary>
    public static bool IsCurrencyCode(string? currency) =>
        currency is { Length: 3 } && currency.All(c => c is >= 'A' and <= 'Z');

    /// <summary>Creates a validated amount; throws a validation <see cref="ShopException"/> when it is not a valid price.</summary>
    public static Money Of(long amountMinor, string? currency)
    {
        if (!IsCurrencyCode(currency))
        {
            throw ShopException.Validation("price.currency", "Currency must be a three-letter ISO 4217 code such as EUR.");
        }

        if (amountMinor is < 0 or > MaxAmountMinor)
        {
            throw ShopException.Validation("price.amountMinor", $"Amount must be between 0 and {MaxAmountMinor} minor units.");
        }

        return new Money(amountMinor, currency!);
    }

    /// <summary>The sum of two amounts of the same currency.</summary>
    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        return this with { AmountMinor = checked(AmountMinor + other.AmountMinor) };
    }

    /// <summary>This amount times a whole quantity, e.g. a line total.</summary>
    public Money Times(int quantity) => this with { AmountMinor = checked(AmountMinor * quantity) };

    /// <inheritdoc />
    public override string ToString() => $"{AmountMinor / 100m:0.00} {Currency}";

    private void EnsureSameCurrency(Money other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw ShopException.BusinessRule("currency.mismatch", $"Cannot combine {Currency} with {other.Currency}.");
        }
    }
}
