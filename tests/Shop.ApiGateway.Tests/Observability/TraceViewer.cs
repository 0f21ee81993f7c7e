using System.Diagnostics;
using System.Globalization;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>
/// The Aspire Dashboard started by tools/trace-viewer.sh on free ports: OTLP in, its telemetry API out.
/// <see cref="StartAsync"/> returns null, with the reason, when the package cannot be restored here.
/// </summary>
public sealed class TraceViewer : IAsyncDisposable
{
    private readonly Process _process;

    private TraceViewer(Process process, Uri ui, Uri otlp)
    {
        _process = process;
        Ui = ui;
        Otlp = otlp;
    }

    /// <summary>The dashboard's address (its page and its telemetry API).</summary>
    public Uri Ui { get; }

    /// <summary>Its OTLP/gRPC endpoint.</summary>
    public Uri Otlp { get; }

    /// <summary>Restores the package (once per checkout, into .tools) and starts the dashboard.</summary>
    public static async Task<(TraceViewer? Viewer, string? Reason)> StartAsync()
    {
        var script = Path.Combine(MonitoringQueries.Folder, "..", "..", "tools", "trace-viewer.sh");
        using (var restore = Process.Start(Start(script, "--print-path"))!)
        {
            var output = await restore.StandardOutput.ReadToEndAsync();
            var error = await restore.StandardError.ReadToEndAsync();
            await restore.WaitForExitAsync();
            if (restore.ExitCode != 0)
            {
                return (null, $"tools/trace-viewer.sh could not restore Aspire.Dashboard.Sdk.linux-x64: {error.Trim()} {output.Trim()}");
            }
        }

        var ui = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var otlp = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var start = Start(script);
        start.Environment["TRACE_VIEWER_UI"] = ui.ToString().TrimEnd('/');
        start.Environment["TRACE_VIEWER_OTLP_GRPC"] = otlp.ToString().TrimEnd('/');
        start.Environment["TRACE_VIEWER_OTLP_HTTP"] = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
        var process = Process.Start(start)!;
        // Drained so a full pipe never blocks the dashboard.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var viewer = new TraceViewer(process, ui, otlp);
        using var http = viewer.Client();
        await Eventually.Until(
            async () =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri("/api/telemetry/traces", UriKind.Relative));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            because: "the trace viewer to answer its telemetry API");
        return (viewer, null);
    }

    /// <summary>A client of the dashboard's HTTP API.</summary>
    public HttpClient Client() => new() { BaseAddress = Ui };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo Start(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
