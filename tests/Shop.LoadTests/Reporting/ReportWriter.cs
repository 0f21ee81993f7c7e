using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Shop.LoadTests.Reporting;

/// <summary>Writes a report as Markdown and HTML with plots (for people) and JSON (for tools), and as a console summary.</summary>
public static class ReportWriter
{
    /// <summary>How reports are serialised (web names, indented); reading them back uses the same.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerOptions.Web) { WriteIndented = true };

    /// <summary>Writes <c>path.md</c>, <c>path.json</c> and <c>path.html</c>.</summary>
    public static async Task WriteAsync(LoadReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path + ".json", JsonSerializer.Serialize(report, JsonOptions));
        await File.WriteAllTextAsync(path + ".md", Markdown(report));
        await File.WriteAllTextAsync(path + ".html", Html.HtmlReport.Render(report));
    }

    /// <summary>The Markdown report.</summary>
    public static string Markdown(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var m = report.Machine;
        Line(md, $"# Load report: {report.Profile}, {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC");
        Line(md, "");
        Line(md, $"- Machine: {m.Cores} cores, {m.MemoryMegabytes} MB, {m.DotNet}, {m.Os}");
        Line(md, $"- Commit: {m.GitCommit}; target {report.Target}");
        Line(md, $"- Load average (1/5/15 min) at start: {report.LoadAverageAtStart}; at end: {m.LoadAverageAtEnd}");
        foreach (var note in report.Extras.Notes)
        {
            Line(md, $"- {note}");
        }

        Line(md, "");
        Line(md, "## Scenarios");
        Line(md, "");
        Line(md, "Latency in ms, from when each iteration was due (open models) or started (closed model); warm-up excluded.");
        Line(md, "");
        Line(md, "| scenario | model | throughput/s | p50 | p95 | p99 | p99.9 | max | errors | ceiling | ratio | passed |");
        Line(md, "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|");
        foreach (var s in report.Scenarios)
        {
            var ceiling = s.Ceiling is null ? "" : $"{s.Ceiling} {s.CeilingValue?.ToString("0", CultureInfo.InvariantCulture) ?? "not measured"}";
            Line(md, $"| {s.Name} | {s.Model} | {s.Throughput:0.0} | {s.Latency.P50:0.00} | {s.Latency.P95:0.00} | {s.Latency.P99:0.00} | {s.Latency.P999:0.00} | {s.Latency.Max:0.00} | {s.ErrorRate:P2} ({s.Failed}/{s.Iterations}) | {ceiling} | {s.RatioToCeiling?.ToString("P1", CultureInfo.InvariantCulture) ?? ""} | {(s.Passed ? "yes" : "**no**")} |");
        }

        Line(md, "");
        foreach (var s in report.Scenarios)
        {
            Details(md, s);
        }

        if (report.Extras.Measurements.Count > 0 || report.Extras.Ceilings.Count > 0)
        {
            Line(md, "## Ceilings and other measurements");
            Line(md, "");
            Line(md, "| measurement | value | target | how |");
            Line(md, "|---|---:|---|---|");
            foreach (var x in report.Extras.Measurements)
            {
                Line(md, $"| {x.Name} | {x.Value:0.###} {x.Unit} | {x.Target} | {x.Command} |");
            }
        }

        return md.ToString();
    }

    /// <summary>The console summary: one line per scenario.</summary>
    public static string Console(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        foreach (var s in report.Scenarios)
        {
            Line(text, $"{s.Name,-22} {s.Throughput,9:0.0}/s  p50 {s.Latency.P50,8:0.00}  p95 {s.Latency.P95,8:0.00}  p99 {s.Latency.P99,8:0.00}  p99.9 {s.Latency.P999,8:0.00} ms  errors {s.Failed}/{s.Iterations}  {(s.Passed ? "PASSED" : "FAILED")}");
            foreach (var (reason, count) in s.Errors)
            {
                Line(text, $"    error {reason}: {count}");
            }

            foreach (var request in s.Requests)
            {
                Line(text, $"    requests {request.Name}: {request.Latency.Count} (p99 {request.Latency.P99:0.00} ms)");
            }

            if (s.Overload is { } o)
            {
                Line(text, $"    overload: max {o.Max:0.#}/s, offered {o.Offered:0.#}/s, goodput {o.Goodput:0.#}/s ({o.GoodputShare:P0}), p99 back within {OverloadRecovery(o)}");
            }

            foreach (var i in s.Invariants)
            {
                Line(text, $"    {i.Name}: expected {i.Expected}, got {i.Actual} {(i.Holds ? "ok" : "VIOLATED")}");
            }
        }

        return text.ToString();
    }

    private static void Details(StringBuilder md, ScenarioResult s)
    {
        Line(md, $"### {s.Name}");
        Line(md, "");
        Line(md, $"Target: {s.Target}. {s.Workers} workers, {s.Seconds:0.##} s measured, {s.Iterations} iterations.");
        Line(md, "");
        if (s.Overload is { } o)
        {
            Line(md, $"Overload: max {o.Max:0.#}/s (ramp); offered {o.Offered:0.#}/s (10 x max); goodput {o.Goodput:0.#}/s ({o.GoodputShare:P0} of max); normal p99 at half max {o.NormalP99:0.00} ms; p99 back within {OverloadRecovery(o)} after the overload.");
            Line(md, "");
        }

        LatencyTable(md, "step", s.Steps);
        LatencyTable(md, "requests by outcome", s.Requests);

        foreach (var (reason, count) in s.Errors)
        {
            Line(md, $"- error {reason}: {count}");
        }

        foreach (var i in s.Invariants)
        {
            Line(md, $"- {i.Name}: expected {i.Expected}, got {i.Actual} ({(i.Holds ? "holds" : "**violated**")})");
        }

        Line(md, "");
    }

    private static void LatencyTable(StringBuilder md, string what, IReadOnlyList<StepResult> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        Line(md, $"| {what} | count | p50 | p95 | p99 | p99.9 | max |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var l = row.Latency;
            Line(md, $"| {row.Name} | {l.Count} | {l.P50:0.00} | {l.P95:0.00} | {l.P99:0.00} | {l.P999:0.00} | {l.Max:0.00} |");
        }

        Line(md, "");
    }

    private static string OverloadRecovery(OverloadSummary o) =>
        o.RecoverySeconds is { } seconds
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s")
            : "never (within the half-max phase)";

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
