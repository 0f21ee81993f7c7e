using System.Diagnostics;
using System.Globalization;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// Debian's docker-registry on a free loopback port, storing in a temp folder, for one test run. Addressed as
/// <c>localhost:PORT</c>, which the SDK's container publishing and skopeo treat as an insecure (HTTP) registry.
/// </summary>
internal sealed class LocalRegistry : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private LocalRegistry(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Address = $"localhost:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary><c>localhost:PORT</c>.</summary>
    public string Address { get; }

    /// <summary>Starts the registry and waits until it answers.</summary>
    public static async Task<LocalRegistry> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("shop-registry-").FullName;
        var port = FreePort.Next();
        var config = Path.Combine(folder, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(folder, "data")}
            http:
              addr: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}
            """);
        var start = new ProcessStartInfo("docker-registry") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start docker-registry.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new LocalRegistry(process, folder, port);
        using var http = new HttpClient();
        await Eventually.Until(async () =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/v2/"));
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "docker-registry to answer");
        return registry;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
