using System.Diagnostics;
using Shop.E2E.Tests.Infrastructure;

namespace Shop.E2E.Tests;

/// <summary>
/// A purchase made by a client generated from the OpenAPI document alone (openapi-typescript's types with
/// openapi-fetch, frontend/src/api/purchase.live.test.ts), run by Vitest against a real gateway process.
/// </summary>
public sealed class GeneratedClientTests : IAsyncLifetime
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(3);
    private static readonly string Frontend = Path.Combine(Locations.RepositoryRoot, "frontend");
    private static readonly string Vitest = Path.Combine(Frontend, "node_modules", "vitest", "vitest.mjs");
    private GatewayProcess? _gateway;

    [SkippableFact]
    public async Task A_client_generated_from_the_document_buys_and_sees_the_order_confirmed()
    {
        var reason = SkipReason();
        Skip.If(reason is not null, reason);

        var (exitCode, output) = await RunVitestAsync(_gateway!.BaseAddress);

        Assert.True(exitCode == 0, $"The generated client's purchase failed (exit {exitCode}):{Environment.NewLine}{output}{Environment.NewLine}Gateway:{Environment.NewLine}{_gateway.RecentOutput}");
        Assert.Contains("1 passed", output, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (SkipReason() is null)
        {
            _gateway = await GatewayProcess.StartAsync();
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    private static string? SkipReason() =>
        File.Exists(Vitest) ? null : $"{Vitest} is missing: run npm ci in frontend/ (./test.sh does).";

    private static async Task<(int ExitCode, string Output)> RunVitestAsync(Uri gateway)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Frontend,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Vitest, "run", "src/api/purchase.live.test.ts", "--reporter=verbose" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SHOP_API_URL"] = gateway.ToString().TrimEnd('/');
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(RunDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Vitest did not finish within {RunDeadline}:{Environment.NewLine}{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
