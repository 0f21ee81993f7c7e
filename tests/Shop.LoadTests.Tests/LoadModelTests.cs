using Shop.LoadTests.Cli;
using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Tests;

/// <summary>The open models' schedules and the command line.</summary>
public sealed class LoadModelTests
{
    [Fact]
    public void Constant_rate_schedules_rate_times_seconds_iterations_evenly()
    {
        var model = new ConstantRate { Rate = 100, Duration = TimeSpan.FromSeconds(3), WarmUp = TimeSpan.FromSeconds(1) };

        var due = Schedule(model);

        Assert.Equal(400, due.Count);
        Assert.Equal(0.01, due[1] - due[0], 6);
        Assert.All(due, at => Assert.InRange(at, 0, 4));
    }

    [Fact]
    public void Ramp_schedules_the_area_under_its_rate_and_speeds_up()
    {
        var model = new Ramp { From = 10, To = 30, Duration = TimeSpan.FromSeconds(10), WarmUp = TimeSpan.FromSeconds(2) };

        var due = Schedule(model);

        // 2 s of warm-up at 10/s, then (10 + 30) / 2 * 10 s.
        Assert.InRange(due.Count, 219, 221);
        var firstGap = due[21] - due[20];
        var lastGap = due[^1] - due[^2];
        Assert.True(lastGap < firstGap / 2, $"gaps {firstGap} then {lastGap}");
    }

    [Fact]
    public void Burst_makes_every_iteration_due_at_once()
    {
        var due = Schedule(new Burst { Count = 7, Duration = TimeSpan.Zero });

        Assert.Equal(7, due.Count);
        Assert.All(due, at => Assert.Equal(0, at));
    }

    [Fact]
    public void Command_line_reads_scenario_rate_duration_and_target()
    {
        var options = LoadOptions.Parse(["--scenario", "checkout", "--rate", "200", "--duration", "60s", "--target", "http://shop:5080"]);

        Assert.Equal(["checkout"], options.Scenarios);
        Assert.Equal(200, options.RateOf("checkout"));
        Assert.Equal(TimeSpan.FromSeconds(60), options.Duration);
        Assert.Equal(new Uri("http://shop:5080"), options.Target);
    }

    [Theory]
    [InlineData("--scenario", "teleport")]
    [InlineData("--rate", "-5")]
    [InlineData("--duration", "soon")]
    [InlineData("--model", "chaos")]
    public void Command_line_refuses_what_it_cannot_run(string option, string value) =>
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse([option, value]));

    private static List<double> Schedule(OpenModel model)
    {
        var due = new List<double>();
        for (long n = 0; model.DueAt(n) is { } at; n++)
        {
            due.Add(at);
        }

        return due;
    }
}
