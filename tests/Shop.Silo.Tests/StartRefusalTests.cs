using System.Diagnostics;

namespace Shop.Silo.Tests;

/// <summary>A wrong setting stops the silo process at start with one line naming it, as an operator sees it.</summary>
public sealed class StartRefusalTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("Shop__Storage__orders", "Oracle", "Shop:Storage:orders")]
    [InlineData("Shop__Storage__carts", "Redis", "ConnectionStrings:Redis")]
    [InlineData("Shop__Orleans__SiloPort", "0", "Shop:Orleans")]
    public async Task A_wrong_setting_stops_the_silo_with_one_line_naming_it(string variable, string value, string named)
    {
        var (exitCode, error) = await RunSiloAsync(variable, value);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    // The silo's own build output (its runtimeconfig and appsettings), as `dotnet Shop.Silo.dll` runs in the image.
    private static async Task<(int? ExitCode, string Error)> RunSiloAsync(string variable, string value)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Shop.Silo.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment[variable] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (null, await stderr + await stdout);
        }

        await stdout;
        return (process.ExitCode, await stderr);
    }
}
