using Shop.Catalog;
using Shop.Common;
using Shop.Grains.Catalog;

namespace Shop.Grains.Tests.Unit;

public sealed class ProductFilterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ProductDetails P(string sku, string name, long price, string category = "audio", string description = "",
        bool published = true, int ageDays = 0, Dictionary<string, string>? attributes = null) => new()
        {
            Sku = sku,
            Name = name,
            Price = new Money(price, "EUR"),
            Category = category,
            Description = description,
            Published = published,
            CreatedAt = T0.AddDays(-ageDays),
            Attributes = attributes ?? [],
        };

    private static readonly ProductDetails[] Catalog =
    [
        P("H1", "Wireless Headphones", 19900, description: "noise cancelling", ageDays: 3),
        P("H2", "Studio Headphones", 12900, attributes: new() { ["colour"] = "Grey" }, ageDays: 1),
        P("S1", "Portable Speaker", 5900, description: "wireless and waterproof", ageDays: 2),
        P("B1", "Designing Distributed Systems", 4900, category: "books"),
        P("B2", "Hidden Draft Book", 1500, category: "books", published: false),
        P("K1", "Chef's Knife", 30000, category: "kitchen", ageDays: 5),
    ];

    private static ProductPage Search(ProductQuery query) => ProductFilter.Search(Catalog, query);

    [Fact]
    public void Without_a_query_every_published_product_is_found()
    {
        var page = Search(new ProductQuery());

        Assert.Equal(5, page.Total);
        Assert.DoesNotContain(page.Items, p => p.Sku == "B2");
    }

    [Fact]
    public void Unpublished_products_are_found_when_asked()
    {
        Assert.Equal(6, Search(new ProductQuery { IncludeUnpublished = true }).Total);
    }

    [Fact]
    public void Text_matches_name_description_category_and_attributes_case_insensitively()
    {
        Assert.Equal(["H1", "S1"], Search(new ProductQuery { Text = "WIRELESS" }).Items.Select(p => p.Sku).Order());
        Assert.Equal(["H2"], Search(new ProductQuery { Text = "grey" }).Items.Select(p => p.Sku));
        Assert.Equal(["B1"], Search(new ProductQuery { Text = "books" }).Items.Select(p => p.Sku));
    }

    [Fact]
    public void Every_word_must_match_somewhere()
    {
        Assert.Equal(["H1"], Search(new ProductQuery { Text = "headphones noise" }).Items.Select(p => p.Sku));
        Assert.Empty(Search(new ProductQuery { Text = "headphones waterproof" }).Items);
    }

    [Fact]
    public void Relevance_puts_name_matches_first()
    {
        var page = Search(new ProductQuery { Text = "wireless" });

        Assert.Equal("H1", page.Items[0].Sku);
    }

    [Fact]
    public void Category_and_price_range_filter_inclusively()
    {
        Assert.Equal(["B1"], Search(new ProductQuery { Category = "BOOKS" }).Items.Select(p => p.Sku));
        Assert.Equal(["S1", "H2"], Search(new ProductQuery { MinPriceMinor = 5900, MaxPriceMinor = 12900, Sort = ProductSort.PriceAscending }).Items.Select(p => p.Sku));
    }

    [Theory]
    [InlineData(ProductSort.PriceAscending, "B1,S1,H2,H1,K1")]
    [InlineData(ProductSort.PriceDescending, "K1,H1,H2,S1,B1")]
    [InlineData(ProductSort.Newest, "B1,H2,S1,H1,K1")]
    [InlineData(ProductSort.Name, "K1,B1,S1,H2,H1")]
    public void Sorts_order_the_results(ProductSort sort, string expected)
    {
        Assert.Equal(expected, string.Join(',', Search(new ProductQuery { Sort = sort }).Items.Select(p => p.Sku)));
    }

    [Fact]
    public void Paging_returns_the_requested_slice_and_the_total()
    {
        var page = Search(new ProductQuery { Sort = ProductSort.PriceAscending, Page = 2, PageSize = 2 });

        Assert.Equal(["H2", "H1"], page.Items.Select(p => p.Sku));
        Assert.Equal(5, page.Total);
        Assert.Empty(Search(new ProductQuery { Page = 4, PageSize = 2 }).Items);
    }

    [Fact]
    public void Facets_count_categories_and_price_bands_over_all_matches()
    {
        var page = Search(new ProductQuery { PageSize = 1 });

        Assert.Equal([new FacetCount("audio", 3), new FacetCount("books", 1), new FacetCount("kitchen", 1)], page.Categories);
        Assert.Equal(
            [new FacetCount("2500-5000", 1), new FacetCount("5000-10000", 1), new FacetCount("10000-25000", 2), new FacetCount("25000+", 1)],
            page.PriceBands);
    }

    [Theory]
    [InlineData(0, 20)]
    [InlineData(1, 0)]
    [InlineData(1, ProductQuery.MaxPageSize + 1)]
    public void Paging_out_of_range_is_a_validation_error(int page, int pageSize)
    {
        var error = Assert.Throws<ShopException>(() => Search(new ProductQuery { Page = page, PageSize = pageSize }));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void A_min_price_above_the_max_is_a_validation_error()
    {
        Assert.Throws<ShopException>(() => Search(new ProductQuery { MinPriceMinor = 10, MaxPriceMinor = 5 }));
    }

    [Theory]
    [InlineData(0, "0-2500")]
    [InlineData(2499, "0-2500")]
    [InlineData(2500, "2500-5000")]
    [InlineData(9999, "5000-10000")]
    [InlineData(10000, "10000-25000")]
    [InlineData(25000, "25000+")]
    public void Price_bands_have_inclusive_lower_bounds(long amount, string band)
    {
        Assert.Equal(band, PriceBands.For(amount));
    }
}
