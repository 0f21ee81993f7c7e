using System.Globalization;
using System.Net;
using System.Text;

namespace Shop.LoadTests.Reporting.Html;

/// <summary>
/// A line chart as inline SVG: a plot area with grid and labelled ticks on both axes, axis titles, one path per
/// series, dashed reference lines (ceilings), an optional shaded band (warm-up) and a legend. No script, no fonts
/// fetched: it renders wherever the page is opened.
/// </summary>
internal sealed record SvgLineChart
{
    private const int Width = 460;
    private const int Height = 280;
    private const int Left = 60;
    private const int Right = 30;
    private const int Top = 34;
    private const int Bottom = 48;

    public required string Title { get; init; }

    public required string XLabel { get; init; }

    public required string YLabel { get; init; }

    public required Scale X { get; init; }

    public required Scale Y { get; init; }

    public required IReadOnlyList<ChartSeries> Series { get; init; }

    public IReadOnlyList<ReferenceLine> References { get; init; } = [];

    /// <summary>A shaded span of the x axis and its label (the warm-up).</summary>
    public (double From, double To, string Label)? Band { get; init; }

    /// <summary>The chart's markup.</summary>
    public string Render()
    {
        var svg = new StringBuilder();
        Append(svg, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(Title)}\">");
        Append(svg, $"<text class=\"title\" x=\"{Left}\" y=\"18\">{Encode(Title)}</text>");
        Append(svg, $"<rect class=\"plot\" x=\"{Left}\" y=\"{Top}\" width=\"{PlotWidth}\" height=\"{PlotHeight}\"/>");
        if (Band is { } band && band.To > band.From)
        {
            var from = Px(band.From);
            Append(svg, $"<rect class=\"band\" x=\"{from:0.#}\" y=\"{Top}\" width=\"{Px(band.To) - from:0.#}\" height=\"{PlotHeight}\"/>");
            Append(svg, $"<text class=\"band-label\" x=\"{from + 4:0.#}\" y=\"{Top + 12}\">{Encode(band.Label)}</text>");
        }

        AxisTicks(svg);
        foreach (var reference in References)
        {
            var y = Py(reference.Y);
            Append(svg, $"<line class=\"reference\" x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            Append(svg, $"<text class=\"reference-label\" x=\"{Left + PlotWidth - 4}\" y=\"{y - 4:0.#}\" text-anchor=\"end\">{Encode(reference.Label)}</text>");
        }

        foreach (var series in Series.Where(s => s.Points.Count > 0))
        {
            Append(svg, $"<path class=\"series\" data-series=\"{Encode(series.Name)}\" stroke=\"{series.Colour}\" d=\"{PathOf(series)}\"/>");
            if (series.Points.Count == 1)
            {
                var (x, y) = series.Points[0];
                Append(svg, $"<circle class=\"point\" cx=\"{Px(x):0.#}\" cy=\"{Py(y):0.#}\" r=\"3\" fill=\"{series.Colour}\"/>");
            }
        }

        Legend(svg);
        Append(svg, $"<text class=\"axis-label\" x=\"{Left + (PlotWidth / 2)}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Encode(XLabel)}</text>");
        Append(svg, $"<text class=\"axis-label\" transform=\"translate(14 {Top + (PlotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\">{Encode(YLabel)}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static int PlotWidth => Width - Left - Right;

    private static int PlotHeight => Height - Top - Bottom;

    private double Px(double x) => Left + (X.Position(x) * PlotWidth);

    private double Py(double y) => Top + PlotHeight - (Y.Position(y) * PlotHeight);

    private void AxisTicks(StringBuilder svg)
    {
        foreach (var (value, label) in X.Ticks())
        {
            var x = Px(value);
            Append(svg, $"<line class=\"grid\" x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Top + PlotHeight}\"/>");
            Append(svg, $"<text class=\"tick\" x=\"{x:0.#}\" y=\"{Top + PlotHeight + 14}\" text-anchor=\"middle\">{Encode(label)}</text>");
        }

        foreach (var (value, label) in Y.Ticks())
        {
            var y = Py(value);
            Append(svg, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>");
            Append(svg, $"<text class=\"tick\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Encode(label)}</text>");
        }
    }

    private void Legend(StringBuilder svg)
    {
        var x = (double)Left + 8;
        foreach (var series in Series.Where(s => s.Points.Count > 0))
        {
            Append(svg, $"<rect class=\"swatch\" x=\"{x:0.#}\" y=\"{Top + PlotHeight - 16}\" width=\"10\" height=\"10\" fill=\"{series.Colour}\"/>");
            Append(svg, $"<text class=\"legend\" x=\"{x + 14:0.#}\" y=\"{Top + PlotHeight - 7}\">{Encode(series.Name)}</text>");
            x += 22 + (series.Name.Length * 6.5);
        }
    }

    private string PathOf(ChartSeries series)
    {
        var d = new StringBuilder();
        foreach (var (x, y) in series.Points)
        {
            d.Append(d.Length == 0 ? 'M' : 'L').Append(Px(x).ToString("0.#", CultureInfo.InvariantCulture)).Append(' ').Append(Py(y).ToString("0.#", CultureInfo.InvariantCulture)).Append(' ');
        }

        // A single point still gets a visible stroke: a tiny horizontal segment.
        if (series.Points.Count == 1)
        {
            d.Append("h 1");
        }

        return d.ToString().TrimEnd();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void Append(StringBuilder svg, FormattableString markup) => svg.Append(markup.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
