using System.Globalization;
using System.Net;
using System.Text;

namespace Shop.LoadTests.Reporting.Html;

/// <summary>
/// The HTML report: the Markdown report's tables, and per scenario its latency over time, its throughput over time
/// against its ceiling, and its HdrHistogram percentile distribution, drawn as inline SVG. One self-contained file:
/// no script, no stylesheet or font from the network.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1d2330; background: #fff; }
        h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; } h3 { font-size: 16px; margin: 20px 0 6px; }
        table { border-collapse: collapse; margin: 8px 0; } th, td { border: 1px solid #d5d9e0; padding: 3px 8px; text-align: right; }
        th:first-child, td:first-child { text-align: left; } .no { color: #b00020; font-weight: 600; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px; }
        svg.chart { background: #fbfcfd; border: 1px solid #e3e6eb; }
        svg .plot { fill: #fff; stroke: #9aa3af; } svg .grid { stroke: #e6e9ee; } svg .band { fill: #f2e9d8; }
        svg .series { fill: none; stroke-width: 2; } svg .reference { stroke: #59606b; stroke-dasharray: 6 4; stroke-width: 1.5; }
        svg text { font: 11px system-ui, sans-serif; fill: #394150; } svg .title { font-size: 13px; font-weight: 600; }
        svg .axis-label { font-size: 12px; } svg .reference-label { font-size: 11px; fill: #3b4250; }
        """;

    /// <summary>The whole page.</summary>
    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var m = report.Machine;
        Line(html, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Load report: {E(report.Profile)}</title><style>{Style}</style></head><body>");
        Line(html, $"<h1>Load report: {E(report.Profile)}, {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC</h1>");
        Line(html, $"<ul><li>Machine: {m.Cores} cores, {m.MemoryMegabytes} MB, {E(m.DotNet)}, {E(m.Os)}</li><li>Commit {E(m.GitCommit)}; target {E(report.Target)}</li>");
        Line(html, $"<li>Load average (1/5/15 min) at start: {E(report.LoadAverageAtStart)}; at end: {E(m.LoadAverageAtEnd)}</li>");
        foreach (var note in report.Extras.Notes)
        {
            Line(html, $"<li>{E(note)}</li>");
        }

        Line(html, $"</ul>");
        Summary(html, report);
        Line(html, $"{new SvgCeilingBars(report.Scenarios).Render()}");
        foreach (var s in report.Scenarios)
        {
            Scenario(html, s);
        }

        Measurements(html, report.Extras);
        Line(html, $"</body></html>");
        return html.ToString();
    }

    /// <summary>Latency over time: p50, p99 and max of each second (log scale), the warm-up shaded.</summary>
    internal static SvgLineChart LatencyOverTime(ScenarioResult s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var points = s.Timeline.Where(p => p.Count > 0).ToList();
        var warmUpEnd = s.Timeline.Where(p => p.WarmUp).Select(p => p.At).DefaultIfEmpty(0).Max();
        return new SvgLineChart
        {
            Title = $"{s.Name}: latency over time",
            XLabel = "seconds since the start",
            YLabel = "latency, ms (log)",
            X = Scale.Linear(s.Timeline.Select(p => p.At)),
            Y = Scale.Log(points.SelectMany(p => new[] { p.P50, p.Max })),
            Series =
            [
                new ChartSeries("p50", Palette.Colour(0), [.. points.Select(p => (p.At, p.P50))]),
                new ChartSeries("p99", Palette.Colour(1), [.. points.Select(p => (p.At, p.P99))]),
                new ChartSeries("max", Palette.Colour(2), [.. points.Select(p => (p.At, p.Max))]),
            ],
            Band = warmUpEnd > 0 ? (0, warmUpEnd, "warm-up") : null,
        };
    }

    /// <summary>Throughput over time against the ceiling it is compared with (dashed).</summary>
    internal static SvgLineChart ThroughputOverTime(ScenarioResult s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var references = s.CeilingValue is > 0 ? new[] { new ReferenceLine(string.Create(CultureInfo.InvariantCulture, $"ceiling: {s.Ceiling} {s.CeilingValue:0}/s"), s.CeilingValue.Value) } : [];
        return new SvgLineChart
        {
            Title = $"{s.Name}: throughput beside its ceiling",
            XLabel = "seconds since the start",
            YLabel = "iterations per second",
            X = Scale.Linear(s.Timeline.Select(p => p.At)),
            Y = Scale.Linear(s.Timeline.Select(p => p.Rate).Concat(references.Select(r => r.Y * 1.08))),
            Series = [new ChartSeries("ended per second", Palette.Colour(3), [.. s.Timeline.Select(p => (p.At, p.Rate))])],
            References = references,
        };
    }

    /// <summary>HdrHistogram's percentile distribution of the iterations and of each step (log scale).</summary>
    internal static SvgLineChart Percentiles(ScenarioResult s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var curves = new[] { ("iteration", s.Latency) }.Concat(s.Steps.Select(step => (step.Name, step.Latency))).ToList();
        return new SvgLineChart
        {
            Title = $"{s.Name}: latency by percentile",
            XLabel = "percentile (HdrHistogram distribution)",
            YLabel = "latency, ms (log)",
            X = Scale.Nines(s.Latency.Count),
            Y = Scale.Log(curves.SelectMany(c => c.Item2.Distribution.Select(p => p.Ms))),
            Series = [.. curves.Select((c, i) => new ChartSeries(c.Item1, Palette.Colour(i), [.. c.Item2.Distribution.Select(p => (p.Percentile, p.Ms))]))],
        };
    }

    private static void Summary(StringBuilder html, LoadReport report)
    {
        Line(html, $"<h2>Scenarios</h2><p>Latency in ms, from when each iteration was due (open models) or started (closed model); warm-up excluded.</p>");
        Line(html, $"<table><tr><th>scenario</th><th>model</th><th>throughput/s</th><th>p50</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th><th>errors</th><th>ceiling</th><th>ratio</th><th>passed</th></tr>");
        foreach (var s in report.Scenarios)
        {
            var ceiling = s.Ceiling is null ? "" : $"{s.Ceiling} {s.CeilingValue?.ToString("0", CultureInfo.InvariantCulture) ?? "not measured"}";
            var l = s.Latency;
            Line(html, $"<tr><td>{E(s.Name)}</td><td>{E(s.Model)}</td><td>{s.Throughput:0.0}</td><td>{l.P50:0.00}</td><td>{l.P95:0.00}</td><td>{l.P99:0.00}</td><td>{l.P999:0.00}</td><td>{l.Max:0.00}</td><td>{s.ErrorRate:P2} ({s.Failed}/{s.Iterations})</td><td>{E(ceiling)}</td><td>{s.RatioToCeiling?.ToString("P1", CultureInfo.InvariantCulture) ?? ""}</td><td>{(s.Passed ? "yes" : "<span class=\"no\">no</span>")}</td></tr>");
        }

        Line(html, $"</table>");
    }

    private static void Scenario(StringBuilder html, ScenarioResult s)
    {
        Line(html, $"<section class=\"scenario\" id=\"{E(Slug(s.Name))}\"><h3>{E(s.Name)}</h3><p>Target: {E(s.Target)}. {s.Workers} workers, {s.Seconds:0.##} s measured, {s.Iterations} iterations.</p>");
        Line(html, $"<div class=\"charts\">{LatencyOverTime(s).Render()}{ThroughputOverTime(s).Render()}{Percentiles(s).Render()}</div>");
        if (s.Errors.Count + s.Invariants.Count > 0)
        {
            Line(html, $"<ul>");
            foreach (var (reason, count) in s.Errors)
            {
                Line(html, $"<li>error {E(reason)}: {count}</li>");
            }

            foreach (var i in s.Invariants)
            {
                Line(html, $"<li>{E(i.Name)}: expected {i.Expected}, got {i.Actual} ({(i.Holds ? "holds" : "<span class=\"no\">violated</span>")})</li>");
            }

            Line(html, $"</ul>");
        }

        Line(html, $"</section>");
    }

    private static void Measurements(StringBuilder html, Extras extras)
    {
        if (extras.Measurements.Count == 0 && extras.Ceilings.Count == 0)
        {
            return;
        }

        Line(html, $"<h2>Ceilings and other measurements</h2><table><tr><th>measurement</th><th>value</th><th>target</th><th>how</th></tr>");
        foreach (var x in extras.Measurements)
        {
            Line(html, $"<tr><td>{E(x.Name)}</td><td>{x.Value:0.###} {E(x.Unit)}</td><td>{E(x.Target ?? "")}</td><td>{E(x.Command ?? "")}</td></tr>");
        }

        foreach (var (name, value) in extras.Ceilings.Where(c => extras.Measurements.Count == 0))
        {
            Line(html, $"<tr><td>ceiling {E(name)}</td><td>{value:0.###} /s</td><td></td><td></td></tr>");
        }

        Line(html, $"</table>");
    }

    private static string Slug(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static void Line(StringBuilder html, FormattableString markup) => html.Append(markup.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
