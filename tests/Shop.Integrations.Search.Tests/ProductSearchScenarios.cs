using Shop.Catalog;
using Shop.Grains.Catalog;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>
/// What a shopper expects of product search, run against every <see cref="IProductSearchIndex"/> implementation.
/// Scenarios are skippable because a subclass may need a server that is not there.
/// Read-only scenarios share one index loaded with a generated catalog of over 1,000 products; scenarios that change
/// products get an empty index of their own.
/// </summary>
public abstract class ProductSearchScenarios
{
    /// <summary>The shared, loaded index.</summary>
    protected abstract SearchCatalog Catalog { get; }

    /// <summary>A new, empty index for a scenario that writes.</summary>
    protected abstract Task<IProductSearchIndex> NewIndex();

    private Task<ProductPage> Search(ProductQuery query) => Catalog.Index.Search(query);

    [SkippableFact]
    public async Task The_catalog_holds_more_than_a_thousand_products()
    {
        Assert.True(Catalog.Products.Count > 1_000);
        Assert.Equal(Catalog.Products.Count, await Catalog.Index.Count());
    }

    [SkippableFact]
    public async Task A_typo_still_finds_headphones()
    {
        var page = await Search(new ProductQuery { Text = "headphnes", PageSize = 100 });

        Assert.Equal(Catalog.Published.Count(p => p.Name.Contains("Headphones", StringComparison.Ordinal)), page.Total);
        Assert.All(page.Items, p => Assert.Contains("Headphones", p.Name, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_prefix_finds_keyboards_as_you_type()
    {
        var page = await Search(new ProductQuery { Text = "keyb" });

        Assert.True(page.Total > 0);
        Assert.All(page.Items, p => Assert.Contains("Keyboard", p.Name, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("café crème")]
    [InlineData("CAFE CREME")]
    [InlineData("Cafe espressos")]
    [InlineData("machines")]
    public async Task Case_accents_and_plurals_do_not_matter(string text)
    {
        var page = await Search(new ProductQuery { Text = text });

        Assert.Contains(page.Items, p => p.Sku == CatalogBuilder.CafeSku);
    }

    [SkippableFact]
    public async Task Singular_and_plural_find_the_same_products()
    {
        var plural = await Search(new ProductQuery { Text = "speakers", PageSize = 1 });
        var singular = await Search(new ProductQuery { Text = "speaker", PageSize = 1 });

        Assert.True(plural.Total > 0);
        Assert.Equal(plural.Total, singular.Total);
    }

    [SkippableFact]
    public async Task A_name_match_ranks_above_a_description_match()
    {
        var page = await Search(new ProductQuery { Text = "aurora" });

        Assert.Equal([CatalogBuilder.AuroraNameSku, CatalogBuilder.AuroraDescriptionSku], page.Items.Select(p => p.Sku).Take(2));
    }

    [SkippableFact]
    public async Task Every_word_must_match_somewhere()
    {
        var page = await Search(new ProductQuery { Text = "wireless kettle", PageSize = 100 });

        Assert.True(page.Total > 0);
        Assert.All(page.Items, p => Assert.Equal("Wireless Kettle", p.Name[..p.Name.LastIndexOf(' ')]));
    }

    [SkippableFact]
    public async Task Category_and_price_filters_narrow_the_matches()
    {
        var query = new ProductQuery { Category = "audio", MinPriceMinor = 2_500, MaxPriceMinor = 9_999, PageSize = 100 };

        var page = await Search(query);

        var expected = Catalog.Published.Where(p => p.Category == "audio" && p.Price.AmountMinor is >= 2_500 and <= 9_999).ToList();
        Assert.Equal(expected.Count, page.Total);
        Assert.All(page.Items, p => Assert.InRange(p.Price.AmountMinor, 2_500, 9_999));
        Assert.All(page.Items, p => Assert.Equal("audio", p.Category));
    }

    [SkippableFact]
    public async Task Facets_count_every_match_per_category_and_per_price_band()
    {
        var page = await Search(new ProductQuery { PageSize = 1 });

        var published = Catalog.Published.ToList();
        Assert.Equal(published.Count, page.Total);
        Assert.Equal(
            published.GroupBy(p => p.Category).Select(g => new FacetCount(g.Key, g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal),
            page.Categories);
        Assert.Equal(
            PriceBands.Labels.Select(l => new FacetCount(l, published.Count(p => PriceBands.For(p.Price.AmountMinor) == l))).Where(f => f.Count > 0),
            page.PriceBands);
    }

    [SkippableFact]
    public async Task Facets_follow_the_text_and_the_filters()
    {
        var page = await Search(new ProductQuery { Text = "kettle", MaxPriceMinor = 4_999 });

        var expected = Catalog.Published.Where(p => p.Name.Contains("Kettle", StringComparison.Ordinal) && p.Price.AmountMinor <= 4_999).ToList();
        Assert.Equal([new FacetCount("kitchen", expected.Count)], page.Categories);
        Assert.Equal(expected.Count, page.PriceBands.Sum(b => b.Count));
    }

    [SkippableTheory]
    [InlineData(ProductSort.PriceAscending)]
    [InlineData(ProductSort.PriceDescending)]
    public async Task Price_sorts_list_the_cheapest_or_the_dearest_first(ProductSort sort)
    {
        var page = await Search(new ProductQuery { Category = "garden", Sort = sort, PageSize = 100 });

        var prices = page.Items.Select(p => p.Price.AmountMinor).ToList();
        var garden = Catalog.Published.Where(p => p.Category == "garden").Select(p => p.Price.AmountMinor).ToList();
        var ascending = sort == ProductSort.PriceAscending;
        Assert.Equal(ascending ? prices.Order() : prices.OrderDescending(), prices);
        Assert.Equal(ascending ? garden.Min() : garden.Max(), prices[0]);
    }

    [SkippableFact]
    public async Task Newest_lists_the_latest_created_first()
    {
        var page = await Search(new ProductQuery { Sort = ProductSort.Newest, PageSize = 50 });

        var created = page.Items.Select(p => p.CreatedAt).ToList();
        Assert.Equal(created.OrderDescending(), created);
        Assert.Equal(Catalog.Published.Max(p => p.CreatedAt), created[0]);
    }

    [SkippableFact]
    public async Task Name_lists_alphabetically()
    {
        var page = await Search(new ProductQuery { Category = "books", Sort = ProductSort.Name, PageSize = 100 });

        var names = page.Items.Select(p => p.Name.ToLowerInvariant()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [SkippableFact]
    public async Task Relevance_without_text_lists_by_name()
    {
        var page = await Search(new ProductQuery { Category = "toys", PageSize = 20 });

        var names = page.Items.Select(p => p.Name.ToLowerInvariant()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [SkippableFact]
    public async Task Paging_walks_every_match_exactly_once()
    {
        var query = new ProductQuery { Category = "cameras", Sort = ProductSort.PriceAscending, PageSize = 7 };
        var first = await Search(query);
        var skus = new List<string>();
        for (var page = 1; page <= (first.Total + 6) / 7; page++)
        {
            skus.AddRange((await Search(query with { Page = page })).Items.Select(p => p.Sku));
        }

        Assert.Equal(Catalog.Published.Where(p => p.Category == "cameras").Select(p => p.Sku).Order(StringComparer.Ordinal), skus.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_page_past_the_end_is_empty_but_keeps_the_total()
    {
        var page = await Search(new ProductQuery { Category = "books", Page = 1_000_000, PageSize = 100 });

        Assert.Empty(page.Items);
        Assert.Equal(Catalog.Published.Count(p => p.Category == "books"), page.Total);
    }

    [SkippableTheory]
    [InlineData("\"")]
    [InlineData("\"unclosed quote")]
    [InlineData("(((")]
    [InlineData(")")]
    [InlineData("[1 TO 5}")]
    [InlineData("*")]
    [InlineData("*phones")]
    [InlineData("~")]
    [InlineData("head~2")]
    [InlineData("AND OR NOT")]
    [InlineData("name:foo")]
    [InlineData("\\")]
    [InlineData("+-!^&&||")]
    [InlineData("{}/?")]
    [InlineData("😀 emoji")]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Hostile_query_strings_never_throw(string text)
    {
        var page = await Search(new ProductQuery { Text = text });

        Assert.NotNull(page);
    }

    [SkippableFact]
    public async Task A_very_long_query_string_never_throws()
    {
        var page = await Search(new ProductQuery { Text = string.Join(' ', Enumerable.Repeat("headphones~ \"(x*", 2_000)) });

        Assert.NotNull(page);
    }

    [SkippableFact]
    public async Task An_update_is_visible_in_the_next_search()
    {
        var index = await NewIndex();
        var before = CatalogBuilder.Product("UPD-1", "Ochre Teapot", "kitchen", 2_000);
        await index.Upsert([before]);

        await index.Upsert([before with { Name = "Indigo Teapot", Price = before.Price with { AmountMinor = 30_000 }, Version = 2 }]);

        Assert.Equal(0, (await index.Search(new ProductQuery { Text = "ochre" })).Total);
        var found = Assert.Single((await index.Search(new ProductQuery { Text = "indigo", MinPriceMinor = 30_000 })).Items);
        Assert.Equal(2, found.Version);
    }

    [SkippableFact]
    public async Task An_unpublished_product_is_hidden_from_shoppers_but_listed_for_admins()
    {
        var index = await NewIndex();
        var product = CatalogBuilder.Product("UNP-1", "Saffron Candle");
        await index.Upsert([product]);

        await index.Upsert([product with { Published = false, Version = 2 }]);

        Assert.Equal(0, (await index.Search(new ProductQuery { Text = "saffron" })).Total);
        Assert.False(Assert.Single((await index.Search(new ProductQuery { Text = "saffron", IncludeUnpublished = true })).Items).Published);
    }

    [SkippableFact]
    public async Task An_older_version_never_replaces_a_newer_one()
    {
        var index = await NewIndex();
        var newer = CatalogBuilder.Product("OLD-1", "Cobalt Mug", version: 3);
        await index.Upsert([newer]);

        await index.Upsert([newer with { Name = "Rusty Mug", Version = 2 }]);
        await index.Upsert([newer with { Name = "Rusty Mug", Version = 3 }]);

        Assert.Equal("Cobalt Mug", Assert.Single((await index.Search(new ProductQuery { Text = "mug" })).Items).Name);
    }

    [SkippableFact]
    public async Task A_removed_product_is_no_longer_found()
    {
        var index = await NewIndex();
        await index.Upsert([CatalogBuilder.Product("DEL-1", "Amber Vase"), CatalogBuilder.Product("DEL-2", "Amber Bowl")]);

        await index.Remove("DEL-1");

        Assert.Equal("DEL-2", Assert.Single((await index.Search(new ProductQuery { Text = "amber" })).Items).Sku);
        Assert.Equal(1, await index.Count());
    }

    [SkippableFact]
    public async Task A_rebuild_replaces_everything_the_index_held()
    {
        var index = await NewIndex();
        await index.Upsert([CatalogBuilder.Product("RB-1", "Stale Chair")]);

        await index.Rebuild([CatalogBuilder.Product("RB-2", "Fresh Table"), CatalogBuilder.Product("RB-3", "Fresh Stool")]);

        Assert.Equal(2, await index.Count());
        Assert.Equal(0, (await index.Search(new ProductQuery { Text = "stale" })).Total);
        Assert.Equal(2, (await index.Search(new ProductQuery { Text = "fresh" })).Total);
    }
}
