using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>The PromQL of deploy/monitoring: the Grafana dashboard's targets and the alert rules' expressions.</summary>
public static partial class MonitoringQueries
{
    /// <summary>The folder in the repository.</summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>Every query, named by where it comes from.</summary>
    public static IReadOnlyList<(string Where, string Expr)> All()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "grafana-dashboard.json")))!;
        var fromDashboard = dashboard["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]!.AsArray().Select(t => ($"panel '{p["title"]}'", t!["expr"]!.GetValue<string>())));
        // expr: either on one line or as a folded block (>-) on the indented lines below it.
        var lines = File.ReadAllLines(Path.Combine(Folder, "alerts.yaml"));
        var fromAlerts = new List<(string, string)>();
        string alert = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("- alert:", StringComparison.Ordinal))
            {
                alert = line["- alert:".Length..].Trim();
            }
            else if (line.StartsWith("expr:", StringComparison.Ordinal))
            {
                var expr = line["expr:".Length..].Trim();
                if (expr == ">-")
                {
                    var indent = lines[i + 1].Length - lines[i + 1].TrimStart().Length;
                    var block = lines.Skip(i + 1).TakeWhile(l => l.Length - l.TrimStart().Length >= indent && l.Trim().Length > 0);
                    expr = string.Join(' ', block.Select(l => l.Trim()));
                }

                fromAlerts.Add(($"alert {alert}", expr));
            }
        }

        return [.. fromDashboard, .. fromAlerts];
    }

    /// <summary>The metric names a query reads (identifiers followed by a selector, a range or an operator).</summary>
    public static IEnumerable<string> Metrics(string expr)
    {
        var labels = Labels().Replace(expr, "");
        return MetricName().Matches(labels).Select(m => m.Value)
            .Where(name => name.Contains('_', StringComparison.Ordinal) && !Functions.Contains(name));
    }

    private static readonly HashSet<string> Functions = ["histogram_quantile", "label_replace", "count_over_time", "max_over_time"];

    // Label matchers and grouping clauses name labels, not metrics.
    [GeneratedRegex(@"\{[^}]*\}|\b(?:by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Labels();

    [GeneratedRegex(@"\b[a-z_][a-z0-9_]*\b")]
    private static partial Regex MetricName();

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "monitoring");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("deploy/monitoring was not found above the test's folder.");
    }
}
