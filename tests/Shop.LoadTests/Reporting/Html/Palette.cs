namespace Shop.LoadTests.Reporting.Html;

/// <summary>Series colours, distinct for readers with the common colour-vision deficiencies (Okabe-Ito).</summary>
internal static class Palette
{
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static string Colour(int index) => Colours[index % Colours.Length];
}
