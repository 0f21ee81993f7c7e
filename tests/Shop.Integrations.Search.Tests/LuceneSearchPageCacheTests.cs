using Shop.Catalog;
using Shop.Integrations.Search.Lucene;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>The Lucene index answers a repeated search from its page cache, and never with a page older than the index.</summary>
public sealed class LuceneSearchPageCacheTests : IDisposable
{
    private static readonly ProductQuery Aurora = new() { Text = "aurora" };

    private readonly List<LuceneProductSearchIndex> created = [];

    [Fact]
    public async Task A_repeated_search_is_answered_without_searching_again()
    {
        var (index, _) = await LoadedIndex(new LuceneSearchOptions { InMemory = true });

        var first = await index.Search(Aurora);
        var again = await index.Search(Aurora with { });

        Assert.Equal(first.Items.Select(p => p.Sku), again.Items.Select(p => p.Sku));
        Assert.Equal(1, index.Pages.Searched);
    }

    [Fact]
    public async Task A_product_renamed_after_a_search_shows_renamed_in_the_same_search()
    {
        var (index, catalog) = await LoadedIndex(new LuceneSearchOptions { InMemory = true });
        var lamp = catalog.Products.Single(p => p.Sku == CatalogBuilder.AuroraNameSku);
        Assert.Contains((await index.Search(Aurora)).Items, p => p.Name == lamp.Name);

        await index.Upsert([lamp with { Name = "Aurora Reading Lamp", Version = lamp.Version + 1 }]);
        var page = await index.Search(Aurora);

        Assert.Contains(page.Items, p => p.Sku == lamp.Sku && p.Name == "Aurora Reading Lamp");
        Assert.Equal(2, index.Pages.Searched);
    }

    [Fact]
    public async Task A_product_removed_after_a_search_is_no_longer_found_by_the_same_search()
    {
        var (index, _) = await LoadedIndex(new LuceneSearchOptions { InMemory = true });
        var before = await index.Search(Aurora);
        Assert.Contains(before.Items, p => p.Sku == CatalogBuilder.AuroraNameSku);

        await index.Remove(CatalogBuilder.AuroraNameSku);
        var after = await index.Search(Aurora);

        Assert.DoesNotContain(after.Items, p => p.Sku == CatalogBuilder.AuroraNameSku);
        Assert.Equal(before.Total - 1, after.Total);
    }

    [Fact]
    public async Task Different_filters_of_the_same_text_get_pages_of_their_own()
    {
        var (index, _) = await LoadedIndex(new LuceneSearchOptions { InMemory = true });

        var all = await index.Search(Aurora);
        var lighting = await index.Search(Aurora with { Category = "lighting", PageSize = 1 });

        Assert.Single(lighting.Items);
        Assert.NotEqual(all.Items.Count, lighting.Items.Count);
        Assert.Equal(2, index.Pages.Searched);
    }

    [Fact]
    public async Task Without_the_cache_every_search_runs()
    {
        var (index, _) = await LoadedIndex(new LuceneSearchOptions { InMemory = true, SearchPageCacheSize = 0 });

        await index.Search(Aurora);
        await index.Search(Aurora);

        Assert.Equal(2, index.Pages.Searched);
    }

    /// <inheritdoc />
    public void Dispose() => created.ForEach(i => i.Dispose());

    private async Task<(LuceneProductSearchIndex Index, SearchCatalog Catalog)> LoadedIndex(LuceneSearchOptions options)
    {
        var index = new LuceneProductSearchIndex(options);
        created.Add(index);
        return (index, await CatalogLoader.Load(index));
    }
}
