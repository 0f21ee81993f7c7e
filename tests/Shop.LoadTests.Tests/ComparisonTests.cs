using System.Reflection;
using Shop.LoadTests.Cli;
using Shop.LoadTests.Comparison;
using Shop.LoadTests.Reporting;
using Shop.LoadTests.Tests.Support;

namespace Shop.LoadTests.Tests;

/// <summary>What the compare verb calls a move: beyond the noise measured between earlier runs, or a stated default.</summary>
public sealed class ComparisonTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("load-compare-").FullName;

    [Fact]
    public void A_throughput_drop_beyond_the_default_noise_is_a_move_for_the_worse()
    {
        var previous = Run(browse: 20_000, browseP99: 5);
        var current = Run(browse: 15_000, browseP99: 5);

        var result = ReportComparison.Compare(current, previous, ReportComparison.NoiseFrom(previous, null, "a.json", null));

        var move = Assert.Single(result.Moved);
        Assert.Equal(("browse", "throughput"), (move.Current.Scenario, move.Current.Name));
        Assert.False(move.Better);
        Assert.Equal(-0.25, move.Relative, 6);
        Assert.Equal(NoiseModel.DefaultNoise, move.Noise);
        Assert.Contains("15% for every metric, a stated default (only one earlier synthetic report)", result.NoiseSource, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_within_the_spread_of_the_two_earlier_runs_is_noise_and_one_beyond_it_is_not()
    {
        var older = Run(browse: 20_000, browseP99: 4);
        var previous = Run(browse: 16_000, browseP99: 4.2);
        var noise = ReportComparison.NoiseFrom(previous, older, "b.json", "a.json");

        var withinSpread = ReportComparison.Compare(Run(browse: 14_000, browseP99: 4.1), previous, noise);
        var beyondSpread = ReportComparison.Compare(Run(browse: 12_000, browseP99: 4.1), previous, noise);

        // The earlier runs differ by 4,000/s on a mean of 18,000: 22% is the throughput's noise.
        Assert.Equal(4_000.0 / 18_000, noise.Of(ReportMetrics.Of(previous).First(m => m.Name == "throughput")), 6);
        Assert.DoesNotContain(withinSpread.Moved, m => m.Current.Name == "throughput");
        Assert.Contains(beyondSpread.Moved, m => m.Current.Name == "throughput");
        Assert.Contains("spread between the two earlier synthetic reports a.json and b.json (same commit abc1234)", noise.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_earlier_runs_that_agree_closely_still_allow_the_floor_of_noise()
    {
        var previous = Run(browse: 20_000, browseP99: 5);
        var noise = ReportComparison.NoiseFrom(previous, Run(browse: 20_010, browseP99: 5), "b.json", "a.json");

        var result = ReportComparison.Compare(Run(browse: 19_200, browseP99: 5), previous, noise);

        Assert.Empty(result.Moved);
    }

    [Fact]
    public void Latency_changes_under_half_a_millisecond_are_not_moves_however_large_in_percent()
    {
        var result = ReportComparison.Compare(Run(browse: 20_000, browseP99: 0.6), Run(browse: 20_000, browseP99: 0.3), NoiseModel.Given(0.15));

        Assert.Empty(result.Moved);
        Assert.Contains("given with --noise", result.NoiseSource, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_that_stopped_passing_is_named_and_lower_latency_is_better()
    {
        var previous = new ReportBuilder().Scenario("cart", 5_000, 10).Build();
        var current = new ReportBuilder().Scenario("cart", 5_000, 4, passed: false).Build();

        var result = ReportComparison.Compare(current, previous, NoiseModel.Given(0.15));

        Assert.Equal(["cart: passed -> failed"], result.Verdicts);
        Assert.Contains(result.Moved, m => m.Current.Name == "p50" && m.Better);
        Assert.Contains(result.Moved, m => m.Current.Name == "error rate" && !m.Better);
    }

    [Fact]
    public async Task History_finds_earlier_reports_of_the_same_profile_by_their_content_newest_first()
    {
        await Save("2026-11-30-embedded.json", Run(browse: 1, browseP99: 1, profile: "embedded", at: Day.AddDays(-1)));
        await Save("2026-12-01-embedded-run2.json", Run(browse: 1, browseP99: 1, profile: "embedded", at: Day));
        await Save("2026-12-01-postgres-redis-kafka.json", Run(browse: 1, browseP99: 1, profile: "postgres-redis-kafka", at: Day));
        await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), """{"name":"not a report"}""");
        var current = await Save("2026-12-02-embedded.json", Run(browse: 1, browseP99: 1, profile: "embedded", at: Day.AddDays(1)));

        var earlier = ReportHistory.EarlierOf(ReportHistory.Read(current), current, folder);

        Assert.Equal(["2026-12-01-embedded-run2.json", "2026-11-30-embedded.json"], earlier.Select(e => e.Name));
    }

    [Fact]
    public async Task The_compare_verb_prints_what_moved_and_where_the_noise_comes_from()
    {
        await Save("older.json", Run(browse: 20_000, browseP99: 5, at: Day.AddDays(-1)));
        await Save("previous.json", Run(browse: 19_000, browseP99: 5, at: Day));
        var current = await Save("current.json", Run(browse: 9_000, browseP99: 5, at: Day.AddDays(1)));
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await new LoadCommand(output, errors).RunAsync(["compare", current], CancellationToken.None);

        Assert.Equal(ExitCodes.Passed, code);
        var text = output.ToString();
        Assert.Contains("with the previous report of its profile, previous.json", text, StringComparison.Ordinal);
        Assert.Contains("spread between the two earlier synthetic reports older.json and previous.json", text, StringComparison.Ordinal);
        Assert.Matches(@"WORSE +browse +throughput +19000 -> 9000 +/s +-52\.6%", text);
        Assert.Empty(errors.ToString());
    }

    [Fact]
    public async Task The_compare_verb_with_no_earlier_report_says_so_and_a_missing_file_is_one_line_and_exit_2()
    {
        var only = await Save("only.json", Run(browse: 1, browseP99: 1));
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var command = new LoadCommand(output, errors);

        Assert.Equal(ExitCodes.Passed, await command.RunAsync(["compare", only], CancellationToken.None));
        Assert.Equal(ExitCodes.Usage, await command.RunAsync(["compare", Path.Combine(folder, "missing.json")], CancellationToken.None));

        Assert.Contains("no earlier synthetic report", output.ToString(), StringComparison.Ordinal);
        Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_reports_checked_in_before_timelines_existed_still_read_and_compare()
    {
        var results = Path.Combine(RepositoryRoot(), "bench", "results");
        var first = ReportHistory.Read(Path.Combine(results, "2026-11-26-postgres-redis-kafka.json"));
        var second = ReportHistory.Read(Path.Combine(results, "2026-11-26-postgres-redis-kafka-run2.json"));

        var result = ReportComparison.Compare(second, first, ReportComparison.NoiseFrom(first, null, "first", null));

        Assert.Equal(ReportMetrics.Of(first).Count, result.WithinNoise + result.Moved.Count + result.Gone.Count);
        Assert.Contains(first.Scenarios, s => s.Name == "checkout (max)" && s.Timeline.Count == 0);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static LoadReport Run(double browse, double browseP99, string profile = "synthetic", DateTimeOffset? at = null)
    {
        var report = new ReportBuilder().Profile(profile).At(at ?? Day).Scenario("browse", browse, 1).Build();
        var s = report.Scenarios[0];
        return report with { Extras = new Extras(), Scenarios = [s with { Latency = s.Latency with { P50 = 1, P99 = browseP99, P999 = browseP99 } }] };
    }

    private async Task<string> Save(string name, LoadReport report)
    {
        var path = Path.Combine(folder, Path.GetFileNameWithoutExtension(name));
        await ReportWriter.WriteAsync(report, path);
        return path + ".json";
    }

    private static string RepositoryRoot() =>
        typeof(ComparisonTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
