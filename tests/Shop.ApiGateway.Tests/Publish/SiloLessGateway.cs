using System.Diagnostics;

namespace Shop.ApiGateway.Tests.Publish;

/// <summary>
/// The gateway published once with <c>-p:CoHostSilo=false</c> (what the Client-mode image is built from) into a temp
/// folder, shared by the tests of that build.
/// </summary>
public sealed class SiloLessGateway : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The publish folder.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("shop-gateway-silo-less").FullName;

    /// <summary>The gateway's entry assembly in <see cref="Folder"/>.</summary>
    public string GatewayDll => Path.Combine(Folder, "Shop.ApiGateway.dll");

    /// <summary>Every file name in <see cref="Folder"/>, relative to it.</summary>
    public IReadOnlyList<string> Files => [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f))];

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "ApiGateway", "Shop.ApiGateway.csproj");
        var (exitCode, output) = await RunAsync("dotnet", ["publish", project, "-c", "Release", "-p:CoHostSilo=false", "-o", Folder, "-nologo", "-v", "q"]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish -p:CoHostSilo=false failed ({exitCode}):\n{output}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Shop.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Shop.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test's own build environment (MSBuild node reuse, the test host's settings) must not leak into the publish.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        return (process.ExitCode, output);
    }
}
