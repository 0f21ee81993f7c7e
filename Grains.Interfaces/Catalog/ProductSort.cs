namespace Shop.Catalog;

/// <summary>How a product listing is ordered.</summary>
public enum ProductSort
{
    /// <summary>Best match first (name order when there is no text query).</summary>
    Relevance = 0,

    /// <summary>Cheapest first.</summary>
    PriceAscending = 1,

    /// <summary>Most expensive first.</summary>
    PriceDescending = 2,

    /// <summary>Most recently created first.</summary>
    Newest = 3,

    /// <summary>Alphabetical by name.</summary>
    Name = 4,
}
