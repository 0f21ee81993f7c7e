using Shop.LoadTests.Api;
using Shop.LoadTests.Cli;
using Shop.LoadTests.Engine;
using Shop.LoadTests.Reporting;
using Shop.LoadTests.Scenarios;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    await Console.Error.WriteLineAsync("usage: --scenario browse|search|cart|checkout|flash-sale|mixed|all [--rate 200 | --rate browse=900,cart=400] "
        + "[--model constant|ramp|users|saturate] [--ramp-to 400] [--users 64] [--duration 60s] [--warmup 5s] [--buyers 200 --units 20] "
        + "[--target http://localhost:5080] [--out bench/results/name] [--profile embedded] [--extras extras.json] [--max-error-rate 0]");
    return 2;
}

var extras = Extras.Read(options.Extras);
var loadAtStart = MachineInfo.LoadAverage();
using var api = new ShopApi(options.Target);
var shop = new ShopData(api, options.AdminEmail, options.AdminPassword);
await shop.LoadCatalogAsync(CancellationToken.None);
var settings = new RunSettings { MaxErrorRate = options.MaxErrorRate, MaxConcurrency = options.MaxConcurrency, Ceilings = extras.Ceilings };
var runner = new ScenarioRunner(api, shop, Console.Error, settings);
var results = await new LoadSuite(options, runner).RunAsync();

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
Console.Write(ReportWriter.Console(report));
if (options.Out is not null)
{
    await ReportWriter.WriteAsync(report, options.Out);
    Console.WriteLine($"report: {options.Out}.md, {options.Out}.json");
}

return report.Passed ? 0 : 1;
