using System.Diagnostics;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>Runs a command-line tool to completion and returns its exit code and output.</summary>
internal static class Tool
{
    /// <summary>The result of a run.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Whether <paramref name="program"/> is on PATH.</summary>
    public static bool IsInstalled(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <summary>Runs <paramref name="program"/>; fails after <paramref name="timeout"/> (default 2 minutes).</summary>
    public static async Task<Result> RunAsync(
        string program, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in time.");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs <paramref name="program"/> and fails with its output when it exits non-zero.</summary>
    public static async Task<string> RunCheckedAsync(
        string program, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await RunAsync(program, arguments, workingDirectory, timeout, environment);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Output}{result.Error}");
    }
}
