using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Shop.Catalog;

namespace Shop.Integrations.Search.Lucene;

/// <summary>Maps a product to its Lucene document and back (the product is stored whole as JSON).</summary>
internal static class ProductDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static Document From(ProductDetails product)
    {
        var category = product.Category.ToLowerInvariant();
        return
        [
            new StringField(ProductFields.Sku, product.Sku, Field.Store.NO),
            new SortedDocValuesField(ProductFields.SkuValue, new BytesRef(product.Sku)),
            new NumericDocValuesField(ProductFields.Version, product.Version),
            new TextField(ProductFields.Name, product.Name, Field.Store.NO),
            new SortedDocValuesField(ProductFields.NameSort, new BytesRef(product.Name.ToLowerInvariant())),
            new TextField(ProductFields.Description, product.Description, Field.Store.NO),
            new StringField(ProductFields.Category, category, Field.Store.NO),
            new TextField(ProductFields.CategoryText, product.Category.Replace('-', ' '), Field.Store.NO),
            new SortedDocValuesField(ProductFields.CategoryFacet, new BytesRef(product.Category)),
            new TextField(ProductFields.Attributes, string.Join(" | ", product.Attributes.Values), Field.Store.NO),
            new Int64Field(ProductFields.Price, product.Price.AmountMinor, Field.Store.NO),
            new NumericDocValuesField(ProductFields.PriceValue, product.Price.AmountMinor),
            new NumericDocValuesField(ProductFields.Created, product.CreatedAt.UtcTicks),
            new StringField(ProductFields.Published, product.Published ? "true" : "false", Field.Store.NO),
            new StoredField(ProductFields.Source, JsonSerializer.Serialize(product, Json)),
        ];
    }

    public static ProductDetails ToProduct(Document document) =>
        JsonSerializer.Deserialize<ProductDetails>(document.Get(ProductFields.Source), Json)
        ?? throw new InvalidOperationException("A search document has no stored product.");
}
