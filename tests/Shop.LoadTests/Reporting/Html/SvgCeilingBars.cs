using System.Globalization;
using System.Net;
using System.Text;

namespace Shop.LoadTests.Reporting.Html;

/// <summary>
/// Every scenario's throughput as a bar beside the ceiling it is compared with (bare Kestrel, pgbench, redis-benchmark,
/// measured in the same run), on one linear axis, with the ratio written at the end of the bar.
/// </summary>
internal sealed record SvgCeilingBars(IReadOnlyList<ScenarioResult> Scenarios)
{
    private const int Width = 960;
    private const int Left = 170;
    private const int Right = 280;
    private const int RowHeight = 34;
    private const int Top = 30;

    /// <summary>The chart's markup, or an empty string when no scenario has a measured ceiling.</summary>
    public string Render()
    {
        var rows = Scenarios.Where(s => s.CeilingValue is > 0).ToList();
        if (rows.Count == 0)
        {
            return "";
        }

        var height = Top + (rows.Count * RowHeight) + 36;
        var scale = Scale.Linear(rows.SelectMany(s => new[] { s.Throughput, s.CeilingValue!.Value }));
        var plot = Width - Left - Right;
        var svg = new StringBuilder();
        Append(svg, $"<svg class=\"chart ceilings\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Throughput beside the ceilings\">");
        Append(svg, $"<text class=\"title\" x=\"{Left}\" y=\"18\">Throughput (coloured) beside its ceiling (grey), per second</text>");
        foreach (var (value, label) in scale.Ticks())
        {
            var x = Left + (scale.Position(value) * plot);
            Append(svg, $"<line class=\"grid\" x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{height - 30}\"/>");
            Append(svg, $"<text class=\"tick\" x=\"{x:0.#}\" y=\"{height - 16}\" text-anchor=\"middle\">{label}</text>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var s = rows[i];
            var y = Top + (i * RowHeight);
            var own = scale.Position(s.Throughput) * plot;
            var ceiling = scale.Position(s.CeilingValue!.Value) * plot;
            Append(svg, $"<text class=\"tick\" x=\"{Left - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{Encode(s.Name)}</text>");
            Append(svg, $"<rect class=\"bar ceiling\" data-ceiling=\"{Encode(s.Ceiling ?? "")}\" x=\"{Left}\" y=\"{y + 15}\" width=\"{Math.Max(1, ceiling):0.#}\" height=\"12\" fill=\"#b8bec7\"/>");
            Append(svg, $"<rect class=\"bar throughput\" x=\"{Left}\" y=\"{y + 2}\" width=\"{Math.Max(1, own):0.#}\" height=\"12\" fill=\"{Palette.Colour(i)}\"/>");
            Append(svg, $"<text class=\"legend\" x=\"{Left + plot + 10}\" y=\"{y + 18}\">{s.Throughput:0}/s of {Encode(s.Ceiling ?? "")} {s.CeilingValue:0}/s = {s.RatioToCeiling * 100:0.0}%</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void Append(StringBuilder svg, FormattableString markup) => svg.Append(markup.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
