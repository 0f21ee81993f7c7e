using Shop.Common;

namespace Shop.ApiGateway.Errors;

/// <summary>Input rules every service applies before calling a grain; a broken rule is a 400 naming the field.</summary>
public static class Require
{
    /// <summary>A required text of <paramref name="min"/> to <paramref name="max"/> characters, trimmed.</summary>
    public static string Text(string? value, string field, int max, int min = 1)
    {
        var text = value?.Trim() ?? "";
        if (text.Length < min)
        {
            throw ShopException.Validation(field, $"{field} is required.");
        }

        return text.Length > max
            ? throw ShopException.Validation(field, $"{field} must be at most {max} characters.")
            : !IsPrintable(text)
                ? throw ShopException.Validation(field, $"{field} contains control characters.")
                : text;
    }

    /// <summary>An optional text of at most <paramref name="max"/> characters; empty becomes null.</summary>
    public static string? OptionalText(string? value, string field, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, field, max);

    /// <summary>A whole number in a range.</summary>
    public static long Range(long value, string field, long min, long max) =>
        value < min || value > max
            ? throw ShopException.Validation(field, $"{field} must be between {min} and {max}.")
            : value;

    /// <summary>A 1-based page number; 0 (unset) means the first page.</summary>
    public static int Page(int page) => page == 0 ? 1 : (int)Range(page, "page", 1, 1_000_000);

    /// <summary>A page size of 1 to 100; 0 (unset) means 20.</summary>
    public static int PageSize(int pageSize) => pageSize == 0 ? 20 : (int)Range(pageSize, "pageSize", 1, 100);

    /// <summary>A money amount in range with an ISO currency code.</summary>
    public static Shop.Common.Money Money(Api.V1.Money? money, string field)
    {
        if (money is null)
        {
            throw ShopException.Validation(field, $"{field} is required.");
        }

        Range(money.AmountMinor, $"{field}.amountMinor", 0, Shop.Common.Money.MaxAmountMinor);
        return Shop.Common.Money.IsCurrencyCode(money.Currency)
            ? new Shop.Common.Money(money.AmountMinor, money.Currency)
            : throw ShopException.Validation($"{field}.currency", $"{field}.currency must be a three-letter ISO 4217 code such as EUR.");
    }

    /// <summary>A SKU: 1 to 64 letters, digits, '-', '_' or '.'.</summary>
    public static string Sku(string? sku)
    {
        var value = sku ?? "";
        return value.Length is >= 1 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : throw ShopException.Validation("sku", "sku must be 1 to 64 letters, digits, '-', '_' or '.'.");
    }

    /// <summary>A GUID in any standard format.</summary>
    public static Guid Id(string? value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw ShopException.Validation(field, $"{field} must be a GUID.");

    private static bool IsPrintable(string text) => !text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
}
