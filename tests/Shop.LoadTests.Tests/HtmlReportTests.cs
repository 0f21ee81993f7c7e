using System.Text.RegularExpressions;
using Shop.LoadTests.Engine;
using Shop.LoadTests.Reporting;
using Shop.LoadTests.Reporting.Html;
using Shop.LoadTests.Tests.Support;

namespace Shop.LoadTests.Tests;

/// <summary>The HTML report's markup and its charts' scales, without a browser (the browser test renders it).</summary>
public sealed partial class HtmlReportTests
{
    [Fact]
    public void Every_scenario_gets_its_three_charts_and_the_ceilings_get_their_bars()
    {
        var report = new ReportBuilder()
            .Scenario("browse", 15_000, 1.2, Ceilings.KestrelJson)
            .Scenario("checkout", 300, 40, Ceilings.PostgresUpsert, steps: ["POST-to-CONFIRMED"])
            .Build();

        var html = HtmlReport.Render(report);

        Assert.Equal(2 * 3, Charts().Count(html));
        Assert.Contains("aria-label=\"Throughput beside the ceilings\"", html, StringComparison.Ordinal);
        Assert.Equal(2, BarsOfCeilings().Count(html));
        Assert.Contains("ceiling: kestrelJson 40000/s", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal).Replace(report.Target, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_over_time_draws_p50_p99_and_max_of_each_measured_second_with_the_warm_up_shaded()
    {
        var scenario = new ReportBuilder().Scenario("browse", 1_000, 2).Build().Scenarios[0];

        var chart = HtmlReport.LatencyOverTime(scenario);
        var svg = chart.Render();

        Assert.Equal(["p50", "p99", "max"], chart.Series.Select(s => s.Name));
        Assert.All(chart.Series, s => Assert.Equal(scenario.Timeline.Count, s.Points.Count));
        Assert.Equal(3, SeriesPaths().Count(svg));
        Assert.Contains("class=\"band\"", svg, StringComparison.Ordinal);
        Assert.Contains(">seconds since the start<", svg, StringComparison.Ordinal);
        Assert.Contains(">latency, ms (log)<", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_percentile_chart_has_a_curve_for_the_iterations_and_each_step()
    {
        var scenario = new ReportBuilder().Scenario("checkout", 300, 40, steps: ["add to cart", "POST-to-CONFIRMED"]).Build().Scenarios[0];

        var chart = HtmlReport.Percentiles(scenario);

        Assert.Equal(["iteration", "add to cart", "POST-to-CONFIRMED"], chart.Series.Select(s => s.Name));
        Assert.All(chart.Series, s => Assert.True(s.Points.Count > 10, $"{s.Name} has {s.Points.Count} points"));
        Assert.All(chart.Series, s => Assert.Equal(100, s.Points[^1].X));
    }

    [Fact]
    public void A_scenario_without_a_timeline_or_samples_still_renders_empty_axes()
    {
        var report = new ReportBuilder().Scenario("flash-sale", 10, 5).Build();
        var bare = report with { Scenarios = [report.Scenarios[0] with { Timeline = [], Latency = new LatencySummary(0, 0, 0, 0, 0, 0, 0) }] };

        var html = HtmlReport.Render(bare);

        Assert.Equal(3, Charts().Count(html));
        Assert.Equal(0, SeriesPaths().Count(html));
    }

    [Fact]
    public void Names_from_the_report_are_text_not_markup()
    {
        var html = HtmlReport.Render(new ReportBuilder().Profile("<b>bold</b>").Scenario("<script>x</script>", 10, 1).Build());

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Scales_tick_by_round_steps_decades_and_nines()
    {
        Assert.Equal(["0", "5k", "10k", "15k", "20k"], Scale.Linear([0, 17_300]).Ticks().Select(t => t.Label));
        Assert.Equal(["0.1", "1", "10", "100"], Scale.Log([0.4, 2, 85]).Ticks().Select(t => t.Label));
        Assert.Equal(["0%", "90%", "99%", "99.9%", "99.99%"], Scale.Nines(10_000).Ticks().Select(t => t.Label));
        Assert.Equal(0.5, Scale.Nines(10_000).Position(99), 6);
        Assert.Equal(1, Scale.Nines(10_000).Position(100));
    }

    [Fact]
    public async Task The_report_writer_puts_the_html_beside_the_markdown_and_json()
    {
        var folder = Directory.CreateTempSubdirectory("load-report-").FullName;
        var path = Path.Combine(folder, "run");

        await ReportWriter.WriteAsync(new ReportBuilder().Scenario("browse", 100, 1, Ceilings.KestrelJson).Build(), path);

        Assert.True(File.Exists(path + ".md"));
        Assert.True(File.Exists(path + ".json"));
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(path + ".html"), StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [GeneratedRegex("<svg class=\"chart\"")]
    private static partial Regex Charts();

    [GeneratedRegex("<path class=\"series\"")]
    private static partial Regex SeriesPaths();

    [GeneratedRegex("<rect class=\"bar ceiling\"")]
    private static partial Regex BarsOfCeilings();
}
