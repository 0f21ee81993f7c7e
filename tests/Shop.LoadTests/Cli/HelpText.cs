using System.Globalization;
using System.Text;

namespace Shop.LoadTests.Cli;

/// <summary>What <c>--help</c> prints: verbs, scenarios, load models, options with their defaults, exit codes.</summary>
public static class HelpText
{
    /// <summary>Every option the run verb takes, with its value's shape and what it does; defaults are read from <see cref="LoadOptions"/>.</summary>
    internal static IReadOnlyList<(string Option, string Value, string What, Func<LoadOptions, string> Default)> Options { get; } =
    [
        ("--target", "URL", "the shop's address", o => o.Target.ToString()),
        ("--scenario", "NAME[,NAME]", "scenarios to run, or all", o => string.Join(',', o.Scenarios)),
        ("--model", "MODEL", "load model (below)", o => o.Model),
        ("--rate", "N | NAME=N,...", "iterations per second, for all or per scenario", o => string.Join(',', o.Rates.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Invariant($"{r.Key}={r.Value}")))),
        ("--ramp-to", "N", "rate at the end of a ramp", _ => "2 x --rate"),
        ("--users", "N", "users of the closed model and of saturate's probe", o => Invariant($"{o.Users}")),
        ("--duration", "TIME", "measured phase (60s, 2m, 500ms)", o => Time(o.Duration)),
        ("--warmup", "TIME", "warm-up before it, not reported", o => Time(o.WarmUp)),
        ("--buyers", "N", "flash sale: shoppers racing", o => Invariant($"{o.Buyers}")),
        ("--units", "N", "flash sale: units for sale", o => Invariant($"{o.Units}")),
        ("--max-error-rate", "F", "highest error rate that passes (0.01 = 1%)", o => Invariant($"{o.MaxErrorRate}")),
        ("--max-concurrency", "N", "most workers of an open model", o => Invariant($"{o.MaxConcurrency}")),
        ("--prepare-timeout", "TIME", "most time waiting out the shop's rate limits while preparing", o => Time(o.PrepareTimeout)),
        ("--out", "PATH", "write PATH.md, PATH.json and PATH.html", _ => "none"),
        ("--profile", "NAME", "profile name in the report (compare matches it)", o => o.Profile),
        ("--extras", "FILE", "ceilings and measurements from bench/run.sh", _ => "none"),
        ("--admin-email", "EMAIL", "admin who creates the load products", o => o.AdminEmail),
        ("--admin-password", "PASSWORD", "their password", o => o.AdminPassword),
        ("--help", "", "this text", _ => ""),
    ];

    /// <summary>The whole text.</summary>
    public static string Render()
    {
        var defaults = new LoadOptions();
        var text = new StringBuilder();
        text.AppendLine("Shop.LoadTests: the shop's load suite (open and closed models, HdrHistogram latencies).")
            .AppendLine()
            .AppendLine("usage: Shop.LoadTests [options]                 run scenarios against a shop")
            .AppendLine("       Shop.LoadTests compare REPORT.json [--results DIR] [--noise PERCENT]")
            .AppendLine("                                                what moved since the previous report of the same profile")
            .AppendLine()
            .AppendLine("scenarios: " + string.Join(", ", LoadOptions.AllScenarios) + ", all")
            .AppendLine("  browse      GET a random product          search   catalog searches (words, prefixes, typos, filters)")
            .AppendLine("  cart        change a guest cart           checkout add, order, poll until CONFIRMED")
            .AppendLine("  flash-sale  --buyers race for --units     mixed    browse 50%, search 30%, cart 15%, checkout 5%")
            .AppendLine("  admin       checkout 80%, admin order search 20%")
            .AppendLine()
            .AppendLine("load models (--model): " + string.Join(", ", LoadOptions.Models))
            .AppendLine("  constant  open model at --rate (latency counts from when each iteration was due)")
            .AppendLine("  ramp      open model from --rate to --ramp-to over --duration")
            .AppendLine("  users     closed model: --users users, each starting again when done")
            .AppendLine("  saturate  users to find the max, then constant at half of it")
            .AppendLine("  overload  ramp from --rate/2 to --ramp-to (8 x --rate) to find the max, half of it, then 10 x max")
            .AppendLine("            followed at once by half max: served, refused and timed-out requests, recovery of p99")
            .AppendLine("  (flash-sale always runs as one burst of --buyers orders)")
            .AppendLine()
            .AppendLine("options (default):");
        foreach (var (option, value, what, current) in Options)
        {
            var shown = current(defaults);
            text.AppendLine(Invariant($"  {(option + " " + value).TrimEnd(),-32} {what}{(shown.Length == 0 ? "" : $" ({shown})")}"));
        }

        text.AppendLine()
            .AppendLine("Preparation (shoppers, carts, products) honours Retry-After on 429 and 503. Against a shop with its")
            .AppendLine($"default auth rate limit, start it with {Preparation.RateLimitBackoff.PermitLimitVariable}=1000000 (as bench/run.sh does).")
            .AppendLine()
            .AppendLine("exit codes:")
            .AppendLine(Invariant($"  {ExitCodes.Passed}    every scenario passed"))
            .AppendLine(Invariant($"  {ExitCodes.ScenarioFailed}    a scenario had errors above --max-error-rate or a broken invariant"))
            .AppendLine(Invariant($"  {ExitCodes.Usage}    bad command line, or a file it names cannot be read or written"))
            .AppendLine(Invariant($"  {ExitCodes.Unreachable}    the shop cannot be reached"))
            .AppendLine(Invariant($"  {ExitCodes.PreparationRefused}    the shop refused preparing (an HTTP error), or is not the shop"))
            .AppendLine(Invariant($"  {ExitCodes.RateLimited}    the shop's rate limit outlasted --prepare-timeout"))
            .AppendLine(Invariant($"  {ExitCodes.Interrupted}  interrupted (Ctrl-C)"));
        return text.ToString();
    }

    private static string Time(TimeSpan span) =>
        span.TotalSeconds >= 60 && span.TotalSeconds % 60 == 0 ? Invariant($"{span.TotalMinutes}m") : Invariant($"{span.TotalSeconds}s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
