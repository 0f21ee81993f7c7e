using System.Net.Sockets;
using System.Text.Json;
using Shop.LoadTests.Api;
using Shop.LoadTests.Engine;
using Shop.LoadTests.Preparation;
using Shop.LoadTests.Reporting;
using Shop.LoadTests.Scenarios;

namespace Shop.LoadTests.Cli;

/// <summary>
/// The command line end to end: parses, runs the suite or a verb, writes the reports, and turns everything a user can
/// cause (a bad option, a shop that is down or refuses, a rate limit, Ctrl-C) into one line and an exit code of
/// <see cref="ExitCodes"/>, never a stack trace.
/// </summary>
public sealed class LoadCommand(TextWriter output, TextWriter errors)
{
    /// <summary>Runs <paramref name="args"/>; the exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count > 0 && args[0] == "compare")
        {
            return await new CompareCommand(output, errors).RunAsync(args.Skip(1).ToList());
        }

        LoadOptions options;
        Extras extras;
        try
        {
            options = LoadOptions.Parse(args);
            if (options.Help)
            {
                await output.WriteAsync(HelpText.Render());
                return ExitCodes.Passed;
            }

            extras = Extras.Read(options.Extras);
            PrepareOutFolder(options.Out);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or JsonException)
        {
            await errors.WriteLineAsync($"Shop.LoadTests: {OneLine(e)} (--help lists the options)");
            return ExitCodes.Usage;
        }

        try
        {
            return await RunSuiteAsync(options, extras, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync("Shop.LoadTests: interrupted; no report written.");
            return ExitCodes.Interrupted;
        }
        catch (PreparationFailedException e)
        {
            await errors.WriteLineAsync($"Shop.LoadTests: {e.Message}");
            return e.Kind == PreparationFailure.RateLimited ? ExitCodes.RateLimited : ExitCodes.PreparationRefused;
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException)
        {
            await errors.WriteLineAsync($"Shop.LoadTests: cannot reach the shop at {options.Target} ({Unreachable(e)}); start it (dotnet run --project ApiGateway) or give --target.");
            return ExitCodes.Unreachable;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"Shop.LoadTests: cannot write the report to {options.Out}: {OneLine(e)}");
            return ExitCodes.Usage;
        }
    }

    private async Task<int> RunSuiteAsync(LoadOptions options, Extras extras, CancellationToken cancellationToken)
    {
        var loadAtStart = MachineInfo.LoadAverage();
        using var api = new ShopApi(options.Target);
        var backoff = new RateLimitBackoff(errors, options.PrepareTimeout);
        var shop = new ShopData(api, options.AdminEmail, options.AdminPassword, backoff);
        await shop.LoadCatalogAsync(cancellationToken);
        var settings = new RunSettings { MaxErrorRate = options.MaxErrorRate, MaxConcurrency = options.MaxConcurrency, Ceilings = extras.Ceilings };
        var runner = new ScenarioRunner(api, shop, errors, settings);
        var results = await new LoadSuite(options, runner).RunAsync(cancellationToken);

        var report = new LoadReport
        {
            GeneratedAt = DateTimeOffset.UtcNow,
            Profile = options.Profile,
            Target = options.Target.ToString(),
            Machine = MachineInfo.Read(),
            LoadAverageAtStart = loadAtStart,
            Extras = extras,
            Scenarios = results,
        };
        await output.WriteAsync(ReportWriter.Console(report));
        if (options.Out is not null)
        {
            await ReportWriter.WriteAsync(report, options.Out);
            await output.WriteLineAsync($"report: {options.Out}.md, {options.Out}.json, {options.Out}.html");
        }

        return report.Passed ? ExitCodes.Passed : ExitCodes.ScenarioFailed;
    }

    private static void PrepareOutFolder(string? path)
    {
        if (path is null)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static string Unreachable(Exception e) => e switch
    {
        TaskCanceledException => "no answer within 30 s",
        HttpRequestException { InnerException: SocketException socket } => socket.Message,
        _ => OneLine(e),
    };

    private static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ");
}
