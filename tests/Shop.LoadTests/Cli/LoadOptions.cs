using System.Globalization;

namespace Shop.LoadTests.Cli;

/// <summary>The command line: <c>--scenario checkout --rate 200 --duration 60s --target http://...</c>.</summary>
public sealed record LoadOptions
{
    /// <summary>Scenarios in the order <c>all</c> runs them.</summary>
    public static readonly IReadOnlyList<string> AllScenarios = ["browse", "search", "cart", "checkout", "flash-sale", "mixed", "admin"];

    /// <summary>Load models of <c>--model</c>.</summary>
    public static readonly IReadOnlyList<string> Models = ["constant", "ramp", "users", "saturate", "overload"];

    private static readonly Dictionary<string, double> DefaultRates = new(StringComparer.Ordinal)
    {
        ["browse"] = 500,
        ["search"] = 200,
        ["cart"] = 500,
        ["checkout"] = 50,
        ["mixed"] = 200,
        ["admin"] = 50,
    };

    /// <summary>The shop's base address.</summary>
    public Uri Target { get; init; } = new("http://localhost:5080");

    /// <summary>Scenarios to run.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = ["browse"];

    /// <summary>
    /// <c>constant</c> (default), <c>ramp</c>, <c>users</c>, <c>saturate</c> (max with users, then constant at half of
    /// it) or <c>overload</c> (max with a ramp, half of it, then 10 x max followed by half max).
    /// </summary>
    public string Model { get; init; } = "constant";

    /// <summary>Rates per scenario (iterations per second); <c>--rate 200</c> sets all, <c>--rate browse=900,cart=400</c> some.</summary>
    public IReadOnlyDictionary<string, double> Rates { get; init; } = DefaultRates;

    /// <summary>Ramp end rate (the ramp starts at the scenario's rate; the overload model's ramp at half of it, to 8 x it by default).</summary>
    public double? RampTo { get; init; }

    /// <summary>Concurrent users of the closed model and of the saturation probe.</summary>
    public int Users { get; init; } = 64;

    /// <summary>Measured phase.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Warm-up, excluded from results.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Flash sale: shoppers racing.</summary>
    public int Buyers { get; init; } = 200;

    /// <summary>Flash sale: units for sale.</summary>
    public int Units { get; init; } = 20;

    /// <summary>Highest error rate that passes.</summary>
    public double MaxErrorRate { get; init; }

    /// <summary>Most workers of an open model.</summary>
    public int MaxConcurrency { get; init; } = 2_000;

    /// <summary>Report path without extension (writes .md and .json); none when null.</summary>
    public string? Out { get; init; }

    /// <summary>Profile name in the report.</summary>
    public string Profile { get; init; } = "unnamed";

    /// <summary>JSON file with ceilings and other measurements made by bench/run.sh.</summary>
    public string? Extras { get; init; }

    /// <summary>Most time spent waiting out the shop's rate limits (429/503 with Retry-After) while preparing, in all.</summary>
    public TimeSpan PrepareTimeout { get; init; } = Preparation.RateLimitBackoff.DefaultBudget;

    /// <summary>Whether <c>--help</c> was asked for (nothing runs).</summary>
    public bool Help { get; init; }

    /// <summary>Admin login used to create load products.</summary>
    public string AdminEmail { get; init; } = "admin@shop.local";

    /// <summary>Admin password.</summary>
    public string AdminPassword { get; init; } = "ChangeMe-Admin-1";

    /// <summary>The rate of <paramref name="scenario"/>.</summary>
    public double RateOf(string scenario) => Rates.TryGetValue(scenario, out var rate) ? rate : Rates.GetValueOrDefault("*", 100);

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--target" => options with { Target = Address(Value()) },
                "--scenario" => options with { Scenarios = ScenarioList(Value()) },
                "--model" => options with { Model = Choice(Value(), [.. Models]) },
                "--rate" => options with { Rates = RateList(Value()) },
                "--ramp-to" => options with { RampTo = Positive(Value(), name) },
                "--users" => options with { Users = Count(Value(), name) },
                "--duration" => options with { Duration = DurationOf(Value(), name) },
                "--warmup" => options with { WarmUp = DurationOf(Value(), name, allowZero: true) },
                "--buyers" => options with { Buyers = Count(Value(), name) },
                "--units" => options with { Units = Count(Value(), name) },
                "--max-error-rate" => options with { MaxErrorRate = Fraction(Value(), name) },
                "--max-concurrency" => options with { MaxConcurrency = Count(Value(), name) },
                "--out" => options with { Out = Value() },
                "--profile" => options with { Profile = Value() },
                "--extras" => options with { Extras = Value() },
                "--admin-email" => options with { AdminEmail = Value() },
                "--admin-password" => options with { AdminPassword = Value() },
                "--prepare-timeout" => options with { PrepareTimeout = DurationOf(Value(), name, allowZero: true) },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option {name} (--help lists them)."),
            };
        }

        return options;
    }

    /// <summary>Parses 60s, 2m, 500ms or a plain number of seconds.</summary>
    public static TimeSpan DurationOf(string text, string option, bool allowZero = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || (value == 0 && !allowZero))
        {
            throw new ArgumentException($"{option} must be a duration such as 60s, 2m or 500ms, not '{text}'.");
        }

        return TimeSpan.FromSeconds(value * unit);
    }

    private static List<string> ScenarioList(string text)
    {
        var names = text == "all" ? [.. AllScenarios] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = names.FirstOrDefault(n => !AllScenarios.Contains(n));
        return unknown is null ? names : throw new ArgumentException($"Unknown scenario '{unknown}'; known: {string.Join(", ", AllScenarios)}, all.");
    }

    private static Dictionary<string, double> RateList(string text)
    {
        var rates = new Dictionary<string, double>(DefaultRates, StringComparer.Ordinal);
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            var all = Positive(text, "--rate");
            return AllScenarios.ToDictionary(s => s, _ => all, StringComparer.Ordinal);
        }

        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new ArgumentException($"--rate takes a number or scenario=rate pairs such as browse=900,cart=400, not '{text}'.");
            }

            rates[ScenarioList(parts[0])[0]] = Positive(parts[1], "--rate");
        }

        return rates;
    }

    private static Uri Address(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"--target must be an http(s) address such as http://localhost:5080, not '{text}'.");

    private static double Fraction(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new ArgumentException($"{option} must be a fraction from 0 to 1 (0.01 is 1%), not '{text}'.");

    private static int Count(string text, string option) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} must be a whole number above 0, not '{text}'.");

    private static double Positive(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} must be a positive number, not '{text}'.");

    private static string Choice(string text, params string[] choices) =>
        choices.Contains(text) ? text : throw new ArgumentException($"--model must be one of {string.Join(", ", choices)}, not '{text}'.");
}
