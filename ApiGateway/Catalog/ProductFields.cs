using Google.Protobuf.Collections;
using Shop.ApiGateway.Errors;
using Shop.Catalog;
using Shop.Common;

namespace Shop.ApiGateway.Catalog;

/// <summary>Validates what an admin sends for a product and turns it into a <see cref="ProductDraft"/>.</summary>
public static class ProductFields
{
    /// <summary>The draft of a create or update request; a bad field is a 400 naming it.</summary>
    public static ProductDraft Draft(Api.V1.ProductInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ProductDraft
        {
            Name = Require.Text(input.Name, "name", ProductLimits.MaxNameLength),
            Description = Require.OptionalText(input.Description, "description", ProductLimits.MaxDescriptionLength) ?? "",
            Category = Require.Text(input.Category, "category", ProductLimits.MaxCategoryLength),
            Price = Require.Money(input.Price, "price"),
            Attributes = Attributes(input.Attributes),
            Images = Images(input.Images),
            Published = !input.HasPublished || input.Published,
        };
    }

    /// <summary>The units on hand the input asks to set, or null to leave the stock alone.</summary>
    public static long? Stock(Api.V1.ProductInput input) =>
        input?.HasStock == true ? OnHand(input.Stock, "stock") : null;

    /// <summary>
    /// Whether a replace body holds nothing but <c>published</c>: then it publishes or unpublishes and leaves the
    /// other fields alone (a full replace needs at least a name, a category and a price).
    /// </summary>
    public static bool IsPublishOnly(Api.V1.ProductInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input is { HasPublished: true, HasStock: false, Name: "", Description: "", Category: "", Price: null }
            && input.Attributes.Count == 0 && input.Images.Count == 0;
    }

    /// <summary>A stock adjustment: a non-zero number of units, at most one billion either way.</summary>
    public static long Delta(long delta) =>
        delta == 0 ? throw ShopException.Validation("delta", "delta must not be 0.") : Require.Range(delta, "delta", -1_000_000_000, 1_000_000_000);

    /// <summary>Units on hand for a stock count: 0 to one billion.</summary>
    public static long OnHand(long onHand, string field = "onHand") => Require.Range(onHand, field, 0, 1_000_000_000);

    private static Dictionary<string, string> Attributes(MapField<string, string> attributes)
    {
        if (attributes.Count > ProductLimits.MaxAttributes)
        {
            throw ShopException.Validation("attributes", $"attributes may hold at most {ProductLimits.MaxAttributes} entries.");
        }

        return attributes.ToDictionary(
            pair => Require.Text(pair.Key, "attributes.key", 64),
            pair => Require.Text(pair.Value, $"attributes.{pair.Key}", 200),
            StringComparer.Ordinal);
    }

    private static List<string> Images(RepeatedField<string> images) =>
        images.Count > ProductLimits.MaxImages
            ? throw ShopException.Validation("images", $"images may hold at most {ProductLimits.MaxImages} URLs.")
            : images.Select(url => Require.Text(url, "images", 2000)).ToList();
}
