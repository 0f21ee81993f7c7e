using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shop.Tests.Shared;

namespace Shop.E2E.Tests.Infrastructure;

/// <summary>
/// The built gateway run as its own process on a free loopback port, in Development on the embedded defaults (co-hosted
/// silo, memory storage and streams, in-memory Lucene search, test payment gateway, pickup-folder e-mail), with the
/// demo catalog and the seeded admin. Only ports, folders and the password-hash cost differ from a plain
/// <c>dotnet run --project ApiGateway</c>.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _dataFolder;

    private GatewayProcess(Process process, Uri baseAddress, string dataFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataFolder = dataFolder;
    }

    /// <summary>Where the gateway answers.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The last lines the gateway wrote, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(60));

    /// <summary>Starts the gateway and waits until it is healthy and its demo catalog is searchable.</summary>
    public static async Task<GatewayProcess> StartAsync()
    {
        var port = FreePort.Next();
        var dataFolder = Directory.CreateTempSubdirectory("shop-e2e-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Locations.GatewayProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Locations.GatewayAssembly, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", Locations.GatewayProject })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Settings(dataFolder))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}"), dataFolder);
        process.OutputDataReceived += (_, e) => gateway.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await gateway.WaitUntilReadyAsync();
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }

        return gateway;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting process; the temp folder is cleaned by the system.
        }
    }

    private static Dictionary<string, string> Settings(string dataFolder) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["Shop__Search__Lucene__InMemory"] = "true",
        ["Shop__Email__PickupFolder"] = Path.Combine(dataFolder, "mail"),
        ["Shop__Orleans__ClusterId"] = "e2e-" + Guid.NewGuid().ToString("N")[..8],
        ["Shop__Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Shop__Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Shop__Gateway__GrpcPort"] = "0",
        // The default cost (210,000 PBKDF2 iterations) makes each registration and login take a second on 2 cores.
        ["Shop__Auth__PasswordHashIterations"] = "1000",
        ["Shop__RateLimits__Auth__PermitLimit"] = "100000",
    };

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with code {_process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            }

            if (await CatalogIsSearchableAsync(http))
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The gateway was not ready within {StartDeadline}:{Environment.NewLine}{RecentOutput}");
    }

    // Healthy is not enough: the demo catalog reaches the search index through a stream shortly after start.
    private static async Task<bool> CatalogIsSearchableAsync(HttpClient http)
    {
        try
        {
            using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            if (!health.IsSuccessStatusCode)
            {
                return false;
            }

            var page = await http.GetFromJsonAsync<JsonObject>(new Uri("/v1/products?pageSize=1", UriKind.Relative));
            return page?["total"]?.GetValue<long>() >= 30;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
