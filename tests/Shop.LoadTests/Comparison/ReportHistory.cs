using System.Text.Json;
using Shop.LoadTests.Reporting;

namespace Shop.LoadTests.Comparison;

/// <summary>The load reports (JSON) of a results folder, read back; files that are not load reports are passed over.</summary>
public static class ReportHistory
{
    /// <summary>Reads one report; throws <see cref="JsonException"/> or <see cref="IOException"/> when it cannot.</summary>
    public static LoadReport Read(string path)
    {
        var report = JsonSerializer.Deserialize<LoadReport>(File.ReadAllText(path), ReportWriter.JsonOptions);
        return report is { Profile: not null, Scenarios: not null, Machine: not null }
            ? report
            : throw new JsonException($"{path} is not a load report.");
    }

    /// <summary>
    /// Reports in <paramref name="folder"/> of <paramref name="current"/>'s profile generated before it (other than
    /// <paramref name="currentPath"/>), newest first, with their file names. The profile is read from each file, so a
    /// second run saved as <c>DATE-PROFILE-run2.json</c> counts too.
    /// </summary>
    public static IReadOnlyList<(string Name, LoadReport Report)> EarlierOf(LoadReport current, string currentPath, string folder)
    {
        ArgumentNullException.ThrowIfNull(current);
        var self = Path.GetFullPath(currentPath);
        var earlier = new List<(string, LoadReport)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (Path.GetFullPath(path) == self || TryRead(path) is not { } report)
            {
                continue;
            }

            if (report.Profile == current.Profile && report.GeneratedAt < current.GeneratedAt)
            {
                earlier.Add((Path.GetFileName(path), report));
            }
        }

        return [.. earlier.OrderByDescending(e => e.Item2.GeneratedAt)];
    }

    private static LoadReport? TryRead(string path)
    {
        try
        {
            return Read(path);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
