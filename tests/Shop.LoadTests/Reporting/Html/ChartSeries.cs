namespace Shop.LoadTests.Reporting.Html;

/// <summary>A line of a chart: its legend name, colour and points in data units.</summary>
internal sealed record ChartSeries(string Name, string Colour, IReadOnlyList<(double X, double Y)> Points);
