using Shop.Catalog;
using Shop.Common;

namespace Shop.Grains.Catalog;

/// <summary>Validation of a product draft (pure, unit-tested).</summary>
public static class ProductRules
{
    /// <summary>Throws a validation <see cref="ShopException"/> for the first field that is wrong.</summary>
    public static void Validate(ProductDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > ProductLimits.MaxNameLength)
        {
            throw ShopException.Validation("name", $"Name must be 1 to {ProductLimits.MaxNameLength} characters.");
        }

        if ((draft.Description?.Length ?? 0) > ProductLimits.MaxDescriptionLength)
        {
            throw ShopException.Validation("description", $"Description must be at most {ProductLimits.MaxDescriptionLength} characters.");
        }

        if (string.IsNullOrEmpty(draft.Category) || draft.Category.Length > ProductLimits.MaxCategoryLength
            || !draft.Category.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw ShopException.Validation(
                "category", $"Category must be a slug of 1 to {ProductLimits.MaxCategoryLength} lower-case letters, digits and '-'.");
        }

        Money.Of(draft.Price.AmountMinor, draft.Price.Currency);

        var attributes = draft.Attributes ?? new Dictionary<string, string>();
        if (attributes.Count > ProductLimits.MaxAttributes
            || attributes.Any(a => string.IsNullOrWhiteSpace(a.Key) || a.Key.Length > 64 || a.Value is null || a.Value.Length > 500))
        {
            throw ShopException.Validation(
                "attributes", $"At most {ProductLimits.MaxAttributes} attributes, names of 1 to 64 and values of up to 500 characters.");
        }

        var images = draft.Images ?? [];
        if (images.Count > ProductLimits.MaxImages || images.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > 2048))
        {
            throw ShopException.Validation("images", $"At most {ProductLimits.MaxImages} image URLs of up to 2048 characters.");
        }
    }
}
