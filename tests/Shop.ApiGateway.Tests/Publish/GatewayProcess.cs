using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Shop.ApiGateway.Tests.Publish;

/// <summary>A published gateway running as its own process on a free port, in Production, with the given settings.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    /// <summary>The signing key the process is configured with.</summary>
    public const string SigningKey = "process-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The gateway's HTTP address.</summary>
    public Uri Address { get; }

    /// <summary>What the process wrote so far (stdout and stderr).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <paramref name="gatewayDll"/> with <paramref name="settings"/> (configuration keys, <c>:</c>-separated).</summary>
    public static GatewayProcess Start(string gatewayDll, IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(gatewayDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(gatewayDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Shop__Gateway__GrpcPort"] = "0";
        start.Environment["Shop__Auth__SigningKey"] = SigningKey;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new GatewayProcess(Process.Start(start)!, address);
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200, failing with the process output when the deadline passes.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // The probe timed out; poll again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"The gateway at {Address} did not become ready (exited: {_process.HasExited}):\n{Output}");
    }

    /// <summary>Stops the process.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
