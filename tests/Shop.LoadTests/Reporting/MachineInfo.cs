using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Shop.LoadTests.Reporting;

/// <summary>The machine a report was measured on, and the code it measured.</summary>
public sealed record MachineInfo(int Cores, long MemoryMegabytes, string DotNet, string Os, string LoadAverageAtEnd, string GitCommit)
{
    /// <summary>Reads this machine (Linux /proc where available) and the git commit of the working directory.</summary>
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        ReadMemoryMb(),
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        LoadAverage(),
        ReadCommit());

    /// <summary>/proc/loadavg's first three numbers, or "unknown".</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static long ReadMemoryMb()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? 0 : long.Parse(kb, CultureInfo.InvariantCulture) / 1024;
    }

    private static string ReadCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true });
            var sha = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? sha : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no git)";
        }
    }
}
