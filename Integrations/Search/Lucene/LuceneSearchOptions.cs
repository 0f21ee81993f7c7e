using System.ComponentModel.DataAnnotations;

namespace Shop.Integrations.Search.Lucene;

/// <summary>Settings of the Lucene.Net index (<c>Shop:Search:Lucene</c>).</summary>
public sealed class LuceneSearchOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Shop:Search:Lucene";

    /// <summary>The folder of the index, relative to the working directory or absolute.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/search";

    /// <summary>Keeps the index in memory instead of <see cref="Path"/> (tests, throwaway clusters).</summary>
    public bool InMemory { get; set; }

    /// <summary>
    /// How many query words' typo automata are kept for reuse (0 builds them for every search, as Lucene does).
    /// </summary>
    [Range(0, 1_000_000)]
    public int FuzzyAutomataCacheSize { get; set; } = 1024;

    /// <summary>
    /// How many answered searches (query to page) are kept until the index next changes (0 runs every search).
    /// </summary>
    [Range(0, 1_000_000)]
    public int SearchPageCacheSize { get; set; } = 1024;
}
