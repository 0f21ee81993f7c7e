using System.Diagnostics;
using System.Globalization;

namespace Shop.Faults.Tests.Cluster;

/// <summary>
/// One silo or gateway: the real build (<c>dotnet Shop.Silo.dll</c> / <c>Shop.ApiGateway.dll</c>) started as a process
/// of its own with its settings as environment variables, its output in a log file. It can be killed (SIGKILL, a crashed
/// pod) or terminated (SIGTERM, a deleted pod: the host stops gracefully within its shutdown timeout).
/// </summary>
internal sealed class ShopProcess : IAsyncDisposable
{
    /// <summary>As Kubernetes waits after SIGTERM (terminationGracePeriodSeconds of deploy/k8s) before it sends SIGKILL.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(35);

    private readonly Process process;
    private readonly TextWriter log;

    private ShopProcess(string name, Process process, TextWriter log, Uri http)
    {
        Name = name;
        this.process = process;
        this.log = log;
        Http = http;
    }

    /// <summary>"silo-1", "gateway".</summary>
    public string Name { get; }

    /// <summary>The host's HTTP address (health endpoints; the REST API on a gateway).</summary>
    public Uri Http { get; }

    /// <summary>Whether the process still runs.</summary>
    public bool IsRunning => !process.HasExited;

    /// <summary>Starts <paramref name="dll"/> from its build folder (where its appsettings are) with <paramref name="settings"/>.</summary>
    public static ShopProcess Start(string name, string dll, IReadOnlyDictionary<string, string> settings, string logFolder, int httpPort)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        // The test runner's own environment must not choose the host's environment or settings.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("Shop__", StringComparison.Ordinal) || k is "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}";
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(logFolder, name + ".log"), append: true) { AutoFlush = true });
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name} ({dll}).");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ShopProcess(name, process, log, new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}/"));
    }

    /// <summary>SIGKILL: no graceful leave; the cluster has to find out by itself.</summary>
    public async Task KillAsync()
    {
        if (IsRunning)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits for the exit; SIGKILL after <see cref="GracePeriod"/>, as the kubelet does. Returns whether it left in time.</summary>
    public async Task<bool> TerminateAsync()
    {
        if (!IsRunning)
        {
            return true;
        }

        await ExternalProcess.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        using var grace = new CancellationTokenSource(GracePeriod);
        try
        {
            await process.WaitForExitAsync(grace.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        await log.DisposeAsync();
    }

    private static void Write(TextWriter log, string? line)
    {
        if (line is not null)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a process that is being disposed.
            }
        }
    }
}
