using Google.Protobuf.WellKnownTypes;
using Shop.ApiGateway.Mapping;
using Shop.Catalog;
using Shop.Inventory;

namespace Shop.ApiGateway.Catalog;

/// <summary>Products and stock levels as the API shows them.</summary>
public static class ProductMapping
{
    /// <summary>The API message of a product with its available units.</summary>
    public static Api.V1.Product ToApi(this ProductDetails product, long available)
    {
        ArgumentNullException.ThrowIfNull(product);
        var message = new Api.V1.Product
        {
            Sku = product.Sku,
            Name = product.Name,
            Description = product.Description,
            Category = product.Category,
            Price = product.Price.ToApi(),
            Stock = available,
            Published = product.Published,
            CreatedAt = Timestamp.FromDateTimeOffset(product.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(product.UpdatedAt),
        };
        foreach (var (key, value) in product.Attributes)
        {
            message.Attributes[key] = value;
        }

        message.Images.AddRange(product.Images);
        return message;
    }

    /// <summary>The API message of a stock level.</summary>
    public static Api.V1.StockLevel ToApi(this StockLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return new Api.V1.StockLevel { Sku = level.Sku, OnHand = level.OnHand, Reserved = level.Reserved, Available = level.Available };
    }

    /// <summary>The API message of facet counts.</summary>
    public static Api.V1.Facets FacetsOf(ProductPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var facets = new Api.V1.Facets();
        facets.Categories.AddRange(page.Categories.Select(ToApi));
        facets.PriceBands.AddRange(page.PriceBands.Select(ToApi));
        return facets;
    }

    private static Api.V1.FacetCount ToApi(FacetCount facet) => new() { Value = facet.Value, Count = facet.Count };
}
