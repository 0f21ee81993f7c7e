using Shop.Catalog;
using Shop.Integrations.Search.Lucene;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

/// <summary>
/// The Lucene index builds a query word's typo automata once and shares them, without changing any result (the page
/// cache is off, so every search runs).
/// </summary>
public sealed class LuceneTypoAutomataTests : IDisposable
{
    private static readonly string[] Texts =
        ["headphnes", "headphones", "keyb", "kyeboard", "café crème", "aurora wirless", "speakr", "machnes", "zzzzqqq", "a"];

    private readonly List<LuceneProductSearchIndex> created = [];

    [Fact]
    public async Task A_typo_builds_its_automata_once_for_every_field_and_every_later_search()
    {
        var index = await LoadedIndex(new LuceneSearchOptions { InMemory = true, SearchPageCacheSize = 0 });

        var first = await index.Search(new ProductQuery { Text = "headphnes" });
        var again = await index.Search(new ProductQuery { Text = "headphnes" });

        Assert.True(first.Total > 0);
        Assert.Equal(first.Items.Select(p => p.Sku), again.Items.Select(p => p.Sku));
        Assert.Equal(1, index.FuzzyAutomata.Built);
    }

    [Fact]
    public async Task Without_the_cache_every_field_of_every_search_builds_the_automata_again()
    {
        var index = await LoadedIndex(new LuceneSearchOptions { InMemory = true, FuzzyAutomataCacheSize = 0, SearchPageCacheSize = 0 });

        await index.Search(new ProductQuery { Text = "headphnes" });
        await index.Search(new ProductQuery { Text = "headphnes" });

        Assert.Equal(2 * 4, index.FuzzyAutomata.Built);
    }

    [Fact]
    public async Task Shared_automata_find_and_rank_what_automata_built_per_search_find()
    {
        var cached = await LoadedIndex(new LuceneSearchOptions { InMemory = true, SearchPageCacheSize = 0 });
        var uncached = await LoadedIndex(new LuceneSearchOptions { InMemory = true, FuzzyAutomataCacheSize = 0, SearchPageCacheSize = 0 });

        foreach (var text in Texts.Concat(Texts))
        {
            var query = new ProductQuery { Text = text, PageSize = ProductQuery.MaxPageSize };
            var expected = await uncached.Search(query);
            var actual = await cached.Search(query);

            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Items.Select(p => p.Sku), actual.Items.Select(p => p.Sku));
        }
    }

    [Fact]
    public async Task A_full_cache_starts_over_and_still_answers()
    {
        var index = await LoadedIndex(new LuceneSearchOptions { InMemory = true, FuzzyAutomataCacheSize = 2, SearchPageCacheSize = 0 });

        foreach (var text in new[] { "headphnes", "kyeboard", "speakr", "headphnes" })
        {
            Assert.True((await index.Search(new ProductQuery { Text = text })).Total > 0, text);
        }

        // headphnes, kyeboard; speakr starts over; headphnes then is built again.
        Assert.Equal(4, index.FuzzyAutomata.Built);
    }

    /// <inheritdoc />
    public void Dispose() => created.ForEach(i => i.Dispose());

    private async Task<LuceneProductSearchIndex> LoadedIndex(LuceneSearchOptions options)
    {
        var index = new LuceneProductSearchIndex(options);
        created.Add(index);
        await CatalogLoader.Load(index);
        return index;
    }
}
