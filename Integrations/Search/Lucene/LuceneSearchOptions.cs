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
}
