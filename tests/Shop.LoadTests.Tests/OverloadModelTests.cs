using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Shop.LoadTests.Cli;
using Shop.LoadTests.Engine;
using Shop.LoadTests.Reporting;
using Shop.LoadTests.Tests.Support;

namespace Shop.LoadTests.Tests;

/// <summary>
/// The overload model: its phased load, the numbers it reads off the timelines (max, goodput, recovery), how requests
/// are counted by outcome, and a whole run against a stub that refuses three requests in four.
/// </summary>
public sealed class OverloadModelTests
{
    [Fact]
    public void A_phased_run_offers_each_rate_for_its_duration_one_after_the_other()
    {
        var model = Phased.Of(new Phase(10, TimeSpan.FromSeconds(2)), new Phase(2, TimeSpan.FromSeconds(3)));

        Assert.Equal(TimeSpan.FromSeconds(5), model.Duration);
        Assert.Equal(10, model.PeakRate);
        Assert.Equal(0, model.DueAt(0));
        Assert.Equal(1.9, model.DueAt(19)!.Value, 6);
        Assert.Equal(2.0, model.DueAt(20)!.Value, 6);
        Assert.Equal(4.5, model.DueAt(25)!.Value, 6);
        Assert.Null(model.DueAt(26));
    }

    [Fact]
    public void The_max_is_the_best_goodput_of_three_seconds_in_a_row_of_the_ramp_warm_up_left_out()
    {
        TimelinePoint[] ramp =
        [
            Second(1, count: 900, errors: 0, warmUp: true),
            Second(2, count: 100, errors: 0),
            Second(3, count: 200, errors: 0),
            Second(4, count: 330, errors: 30),
            Second(5, count: 500, errors: 200),
            Second(6, count: 600, errors: 600),
        ];

        Assert.Equal(Math.Round((200 + 300 + 300) / 3.0, 1), OverloadAnalysis.MaxGoodput(ramp));
    }

    [Fact]
    public void Goodput_counts_only_the_successes_of_the_seconds_asked_for()
    {
        TimelinePoint[] run = [Second(1, 50, 10), Second(2, 50, 20), Second(3, 80, 0)];

        Assert.Equal(35, OverloadAnalysis.Goodput(run, 0, 2));
    }

    [Fact]
    public void Recovery_is_the_time_from_the_end_of_the_overload_until_every_later_second_s_p99_is_near_normal()
    {
        TimelinePoint[] run =
        [
            Second(1, 10, 0, p99: 900), Second(2, 10, 0, p99: 800), // the overload
            Second(3, 10, 0, p99: 400), Second(4, 10, 0, p99: 12), Second(5, 10, 0, p99: 300), Second(6, 10, 0, p99: 14), Second(7, 10, 0, p99: 11),
        ];

        Assert.Equal(3, OverloadAnalysis.RecoverySeconds(run, after: 2, normalP99: 10));
    }

    [Fact]
    public void Recovery_is_none_when_the_last_second_is_still_slow()
    {
        TimelinePoint[] run = [Second(1, 10, 0, p99: 900), Second(2, 10, 0, p99: 12), Second(3, 10, 0, p99: 90)];

        Assert.Null(OverloadAnalysis.RecoverySeconds(run, after: 1, normalP99: 10));
    }

    [Theory]
    [InlineData(200, "served")]
    [InlineData(202, "served")]
    [InlineData(503, "refused 503")]
    [InlineData(429, "refused 429")]
    [InlineData(500, "answered 500")]
    [InlineData(404, "answered 404")]
    public void A_request_s_outcome_is_served_refused_by_status_or_answered(int status, string outcome) =>
        Assert.Equal(outcome, RequestOutcomes.Of(status));

    [Fact]
    public void A_request_without_an_answer_in_the_client_s_time_is_timed_out()
    {
        Assert.Equal(RequestOutcomes.TimedOut, RequestOutcomes.Of(new TaskCanceledException("timeout", new TimeoutException())));
        Assert.Equal("failed (HttpRequestException)", RequestOutcomes.Of(new HttpRequestException("refused")));
    }

    [Fact]
    public async Task An_overload_run_reports_max_goodput_and_every_request_by_outcome()
    {
        var requests = 0;
        await using var stub = await StubShop.StartAsync(context => context.Request.Path.Value switch
        {
            "/v1/products" => StubShop.Json(context, 200, """{"items":[{"sku":"SKU-1","name":"Lamp","category":"lighting","price":{"amountMinor":4900,"currency":"EUR"}}]}"""),
            // One product request in four is served; the others are refused as the shop's admission does.
            _ when Interlocked.Increment(ref requests) % 4 == 0 => StubShop.Json(context, 200, """{"sku":"SKU-1"}"""),
            _ => Refuse(context),
        });
        var folder = Directory.CreateTempSubdirectory("overload-report-");
        var output = new StringWriter();

        var code = await new LoadCommand(output, new StringWriter()).RunAsync(
            ["--target", stub.Address.ToString(), "--scenario", "browse", "--model", "overload", "--rate", "20", "--duration", "2s",
                "--warmup", "0s", "--max-error-rate", "1", "--out", Path.Combine(folder.FullName, "report")],
            CancellationToken.None);

        Assert.Equal(ExitCodes.Passed, code);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "report.json")))!;
        var runs = report["scenarios"]!.AsArray();
        Assert.Equal(["browse (ramp to find max)", "browse (half max)", "browse (10 x max, then half max)"], runs.Select(r => r!["name"]!.GetValue<string>()));
        var overload = runs[2]!;
        var summary = overload["overload"]!;
        Assert.True(summary["max"]!.GetValue<double>() > 0);
        Assert.Equal(Math.Round(summary["max"]!.GetValue<double>() * 10), summary["offered"]!.GetValue<double>());
        var outcomes = overload["requests"]!.AsArray().ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!["latency"]!["count"]!.GetValue<long>());
        Assert.True(outcomes["refused 503"] > 0);
        Assert.True(outcomes["served"] > 0);
        Assert.Equal(overload["iterations"]!.GetValue<long>() - overload["errors"]!.AsObject().Where(e => e.Key.StartsWith("never", StringComparison.Ordinal)).Sum(e => e.Value!.GetValue<long>()),
            outcomes.Values.Sum());
        Assert.Contains("requests by outcome", await File.ReadAllTextAsync(Path.Combine(folder.FullName, "report.md")), StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    private static Task Refuse(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return StubShop.Json(context, 503, """{"title":"Service Unavailable"}""", "application/problem+json");
    }

    private static TimelinePoint Second(double at, long count, long errors, double p99 = 10, bool warmUp = false) =>
        new(at, 1, count, errors, p99 / 2, p99, p99, warmUp);
}
