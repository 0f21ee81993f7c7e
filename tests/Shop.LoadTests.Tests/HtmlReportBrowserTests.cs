using BigGustave;
using Microsoft.Playwright;
using Shop.LoadTests.Engine;
using Shop.LoadTests.Reporting.Html;
using Shop.LoadTests.Tests.Support;
using Xunit.Abstractions;

namespace Shop.LoadTests.Tests;

/// <summary>
/// The HTML report of a small synthetic run opened in headless Debian Chromium: the charts must render (SVG with a
/// size, a drawn path per series, axis labels) and the screenshot must be a picture, not a blank page. Skipped with
/// its reason when Chromium is missing. Set SHOP_LOAD_REPORT_SCREENSHOT to a path to keep the screenshot.
/// </summary>
public sealed class HtmlReportBrowserTests(ITestOutputHelper output)
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
    ];

    [SkippableFact]
    public async Task The_plots_render_in_a_browser_with_a_drawn_path_per_series_and_labelled_axes()
    {
        Skip.IfNot(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium; ./test.sh does).");
        var report = new ReportBuilder()
            .Scenario("browse (max)", 17_500, 1.1, Ceilings.KestrelJson)
            .Scenario("cart (half max)", 4_200, 2.5, Ceilings.RedisSet)
            .Scenario("checkout (half max)", 150, 35, Ceilings.PostgresUpsert, steps: ["add to cart", "POST-to-CONFIRMED"])
            .Build();
        var folder = Directory.CreateTempSubdirectory("load-report-browser-").FullName;
        var page = Path.Combine(folder, "report.html");
        await File.WriteAllTextAsync(page, HtmlReport.Render(report));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        var tab = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1000 } });
        var blocked = new List<string>();
        await tab.RouteAsync("**/*", route =>
        {
            // The report must be self-contained: anything but the file itself is refused and remembered.
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
            {
                return route.ContinueAsync();
            }

            blocked.Add(route.Request.Url);
            return route.AbortAsync();
        });
        await tab.GotoAsync(new Uri(page).AbsoluteUri);

        var charts = tab.Locator("svg.chart");
        Assert.Equal(1 + (3 * 3), await charts.CountAsync());
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            var box = await charts.Nth(i).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width > 100 && box.Height > 100, $"chart {i} is {box.Width}x{box.Height}");
        }

        var lineCharts = tab.Locator("svg.chart:not(.ceilings)");
        for (var i = 0; i < await lineCharts.CountAsync(); i++)
        {
            var chart = lineCharts.Nth(i);
            var title = await chart.GetAttributeAsync("aria-label");
            var legends = await chart.Locator("text.legend").AllTextContentsAsync();
            var lengths = await chart.Locator("path.series").EvaluateAllAsync<double[]>("paths => paths.map(p => p.getTotalLength())");
            Assert.Equal(legends.Count, lengths.Length);
            Assert.All(lengths, l => Assert.True(l > 10, $"{title}: a series path is {l} px long"));
            Assert.Equal(2, await chart.Locator("text.axis-label").CountAsync());
            Assert.True(await chart.Locator("text.tick").CountAsync() >= 4, $"{title} has too few tick labels");
        }

        var percentiles = tab.Locator("svg[aria-label='checkout (half max): latency by percentile']");
        Assert.Equal(["iteration", "add to cart", "POST-to-CONFIRMED"], await percentiles.Locator("path.series").EvaluateAllAsync<string[]>("ps => ps.map(p => p.dataset.series)"));
        Assert.Equal(1, await tab.Locator("svg[aria-label='browse (max): throughput beside its ceiling'] line.reference").CountAsync());
        Assert.Empty(blocked);

        var screenshot = Path.Combine(folder, "report.png");
        var png = await tab.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Path = screenshot });
        var colours = DistinctColours(png);
        Assert.True(colours > 40, $"the screenshot has {colours} distinct colours: blank or nearly so");
        Keep(screenshot);
        Directory.Delete(folder, recursive: true);
    }

    private static int DistinctColours(byte[] png)
    {
        using var stream = new MemoryStream(png);
        var image = Png.Open(stream);
        var colours = new HashSet<int>();
        for (var y = 0; y < image.Height; y += 2)
        {
            for (var x = 0; x < image.Width; x += 2)
            {
                var p = image.GetPixel(x, y);
                colours.Add((p.R << 16) | (p.G << 8) | p.B);
            }
        }

        return colours.Count;
    }

    private void Keep(string screenshot)
    {
        var keep = Environment.GetEnvironmentVariable("SHOP_LOAD_REPORT_SCREENSHOT");
        if (string.IsNullOrEmpty(keep))
        {
            return;
        }

        File.Copy(screenshot, keep, overwrite: true);
        output.WriteLine($"screenshot kept at {keep}");
    }
}
