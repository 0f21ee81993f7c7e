using Shop.Common;

namespace Shop.Grains.Catalog;

/// <summary>The SKU rule: 1 to 64 characters of letters, digits, '-', '_' and '.'.</summary>
public static class Sku
{
    /// <summary>Longest SKU.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="sku"/> follows the rule.</summary>
    public static bool IsValid(string? sku) =>
        sku is { Length: > 0 and <= MaxLength } && sku.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Throws a validation error naming <paramref name="field"/> when the SKU breaks the rule.</summary>
    public static string Validate(string? sku, string field = "sku") =>
        IsValid(sku)
            ? sku!
            : throw ShopException.Validation(field, $"A SKU is 1 to {MaxLength} characters of letters, digits, '-', '_' and '.'.");
}
