using System.Globalization;
using System.Text.Json;
using Shop.LoadTests.Comparison;

namespace Shop.LoadTests.Cli;

/// <summary>
/// <c>compare REPORT.json [--results DIR] [--noise PERCENT]</c>: prints what moved beyond the run-to-run noise since
/// the previous report of the same profile in DIR (REPORT's folder by default). Informational: exit 0 whatever moved.
/// </summary>
public sealed class CompareCommand(TextWriter output, TextWriter errors)
{
    /// <summary>Runs the verb with the arguments after <c>compare</c>.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            var (path, folder, noise) = Parse(args);
            var current = ReportHistory.Read(path);
            var earlier = ReportHistory.EarlierOf(current, path, folder);
            if (earlier.Count == 0)
            {
                await output.WriteLineAsync($"compare: no earlier {current.Profile} report in {folder}; nothing to compare {Path.GetFileName(path)} with.");
                return ExitCodes.Passed;
            }

            var (previousName, previous) = earlier[0];
            var model = noise is { } given
                ? NoiseModel.Given(given)
                : ReportComparison.NoiseFrom(previous, earlier.Count > 1 ? earlier[1].Report : null, previousName, earlier.Count > 1 ? earlier[1].Name : null);
            var result = ReportComparison.Compare(current, previous, model);
            await output.WriteAsync(Render(Path.GetFileName(path), current.Machine.GitCommit, previousName, previous.Machine.GitCommit, result));
            return ExitCodes.Passed;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            await errors.WriteLineAsync($"Shop.LoadTests compare: {e.Message.ReplaceLineEndings(" ")} (usage: compare REPORT.json [--results DIR] [--noise PERCENT])");
            return ExitCodes.Usage;
        }
    }

    /// <summary>The comparison as text: one line per metric that moved, then the counts.</summary>
    public static string Render(string currentName, string currentCommit, string previousName, string previousCommit, ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new System.Text.StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"compare: {currentName} (commit {currentCommit}) with the previous report of its profile, {previousName} (commit {previousCommit})");
        Line($"{result.NoiseSource}");
        foreach (var verdict in result.Verdicts)
        {
            Line($"  VERDICT {verdict}");
        }

        if (result.Moved.Count == 0)
        {
            Line($"nothing moved beyond the noise ({result.WithinNoise} metrics compared)");
        }
        else
        {
            Line($"moved beyond the noise ({result.Moved.Count} of {result.Moved.Count + result.WithinNoise} metrics):");
            foreach (var c in result.Moved)
            {
                var change = double.IsInfinity(c.Relative) ? "from 0" : c.Relative.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture);
                Line($"  {(c.Better ? "better" : "WORSE "),-6}  {c.Current.Scenario,-20} {c.Current.Name,-28} {c.Previous.Value,12:0.####} -> {c.Current.Value,-12:0.####} {c.Current.Unit,-5} {change,8}  (noise {c.Noise * 100:0}%)");
            }
        }

        if (result.New.Count > 0)
        {
            Line($"new since then: {string.Join("; ", result.New)}");
        }

        if (result.Gone.Count > 0)
        {
            Line($"gone since then: {string.Join("; ", result.Gone)}");
        }

        return text.ToString();
    }

    private static (string Path, string Folder, double? Noise) Parse(IReadOnlyList<string> args)
    {
        string? path = null;
        string? folder = null;
        double? noise = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--results":
                    folder = Value();
                    break;
                case "--noise":
                    var text = Value().TrimEnd('%');
                    noise = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is > 0 and < 1000
                        ? percent / 100
                        : throw new ArgumentException($"--noise must be a percentage such as 15, not '{text}'.");
                    break;
                case var _ when name.StartsWith('-'):
                    throw new ArgumentException($"Unknown option {name}.");
                default:
                    path = path is null ? name : throw new ArgumentException($"One report at a time, not '{name}' too.");
                    break;
            }
        }

        if (path is null)
        {
            throw new ArgumentException("Name the report to compare.");
        }

        if (!File.Exists(path))
        {
            throw new ArgumentException($"{path} does not exist.");
        }

        return (path, folder ?? Path.GetDirectoryName(Path.GetFullPath(path))!, noise);
    }
}
