namespace Shop.Grains.Catalog;

/// <summary>
/// The price bands of the search facets, in minor units, lower bound inclusive and upper bound exclusive:
/// <c>0-2500</c>, <c>2500-5000</c>, <c>5000-10000</c>, <c>10000-25000</c> and <c>25000+</c>
/// (with EUR prices: under 25, 25 to 50, 50 to 100, 100 to 250, 250 and more).
/// </summary>
public static class PriceBands
{
    private static readonly long[] Bounds = [0, 2_500, 5_000, 10_000, 25_000];

    /// <summary>Every band label, cheapest first.</summary>
    public static IReadOnlyList<string> Labels { get; } =
        [.. Bounds.Select((lower, i) => i + 1 < Bounds.Length ? $"{lower}-{Bounds[i + 1]}" : $"{lower}+")];

    /// <summary>The label of the band that holds <paramref name="amountMinor"/>.</summary>
    public static string For(long amountMinor)
    {
        for (var i = Bounds.Length - 1; i > 0; i--)
        {
            if (amountMinor >= Bounds[i])
            {
                return Labels[i];
            }
        }

        return Labels[0];
    }
}
