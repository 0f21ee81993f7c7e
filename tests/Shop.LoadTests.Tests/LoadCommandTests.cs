using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Shop.LoadTests.Cli;
using Shop.LoadTests.Tests.Support;

namespace Shop.LoadTests.Tests;

/// <summary>
/// The command line as a user meets it: --help, and every mistake or trouble a user can cause answered with one line
/// and its documented exit code, never a stack trace. The shop's side is a stub server on a loopback port.
/// </summary>
public sealed class LoadCommandTests
{
    private const string OneProduct = """{"items":[{"sku":"SKU-1","name":"Walnut desk lamp","category":"lighting","price":{"amountMinor":4900,"currency":"EUR"}}]}""";

    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();

    [Fact]
    public async Task Help_lists_every_scenario_load_model_option_and_exit_code()
    {
        var code = await RunAsync("--help");

        Assert.Equal(ExitCodes.Passed, code);
        var help = output.ToString();
        Assert.All(LoadOptions.AllScenarios, s => Assert.Contains(s, help, StringComparison.Ordinal));
        Assert.All(LoadOptions.Models, m => Assert.Contains(m, help, StringComparison.Ordinal));
        Assert.All(HelpText.Options, o => Assert.Contains(o.Option, help, StringComparison.Ordinal));
        Assert.Contains("--prepare-timeout TIME", help, StringComparison.Ordinal);
        Assert.Contains("(2m)", help, StringComparison.Ordinal);
        Assert.Contains("130", help, StringComparison.Ordinal);
        Assert.Contains("compare REPORT.json", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_default_the_help_shows_is_a_value_its_option_takes()
    {
        var defaults = new LoadOptions();
        foreach (var (option, value, _, shown) in HelpText.Options.Where(o => o.Value.Length > 0))
        {
            var text = shown(defaults);
            if (text is "none" or "2 x --rate")
            {
                continue;
            }

            var parsed = LoadOptions.Parse([option, text]);
            Assert.Equal(shown(parsed), text);
        }
    }

    [Theory]
    [InlineData("--scenario", "teleport")]
    [InlineData("--rate", "-5")]
    [InlineData("--users", "1e12")]
    [InlineData("--target", "ftp://shop")]
    [InlineData("--max-error-rate", "lots")]
    [InlineData("--extras", "/nonexistent/extras.json")]
    [InlineData("--duration", "")]
    [InlineData("--frobnicate", "1")]
    public async Task A_bad_command_line_is_one_line_and_exit_2(string option, string value)
    {
        var code = await RunAsync(option, value);

        Assert.Equal(ExitCodes.Usage, code);
        AssertOneLine();
    }

    [Fact]
    public async Task A_shop_that_is_not_running_is_one_line_and_exit_3()
    {
        var code = await RunAsync("--target", $"http://127.0.0.1:{FreePort()}", "--scenario", "flash-sale");

        Assert.Equal(ExitCodes.Unreachable, code);
        AssertOneLine();
        Assert.Contains("cannot reach the shop", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shop_answering_500_while_preparing_is_one_line_with_its_problem_and_exit_4()
    {
        await using var stub = await StubShop.StartAsync(c => StubShop.Json(c, 500, """{"title":"Internal error","detail":"catalog offline"}""", "application/problem+json"));

        var code = await RunAsync("--target", stub.Address.ToString(), "--scenario", "browse");

        Assert.Equal(ExitCodes.PreparationRefused, code);
        AssertOneLine();
        Assert.Contains("HTTP 500 Internal error: catalog offline", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_is_not_the_shop_is_one_line_and_exit_4()
    {
        await using var stub = await StubShop.StartAsync(c => StubShop.Json(c, 200, "<html>router login</html>", "text/html"));

        var code = await RunAsync("--target", stub.Address.ToString());

        Assert.Equal(ExitCodes.PreparationRefused, code);
        AssertOneLine();
        Assert.Contains("is --target the shop?", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flash_sale_against_the_default_auth_limit_says_what_to_set_on_the_shop_and_exits_5()
    {
        var registered = 0;
        await using var stub = await StubShop.StartAsync(c => c.Request.Path.Value switch
        {
            "/v1/auth/register" => Interlocked.Increment(ref registered) <= 19
                ? StubShop.Json(c, 201, """{"accessToken":"shopper"}""")
                : StubShop.TooManyRequests(c, 60),
            _ => Shop(c),
        });

        var code = await RunAsync("--target", stub.Address.ToString(), "--scenario", "flash-sale");

        Assert.Equal(ExitCodes.RateLimited, code);
        var last = errors.ToString().TrimEnd().Split('\n')[^1];
        Assert.Contains("Shop__RateLimits__Auth__PermitLimit=1000000", last, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupting_while_waiting_out_a_rate_limit_is_one_line_and_exit_130()
    {
        using var interrupt = new CancellationTokenSource();
        await using var stub = await StubShop.StartAsync(async c =>
        {
            if (c.Request.Path == "/v1/auth/register")
            {
                await StubShop.TooManyRequests(c, 30);
                await interrupt.CancelAsync();
                return;
            }

            await Shop(c);
        });

        var code = await new LoadCommand(output, errors).RunAsync(
            ["--target", stub.Address.ToString(), "--scenario", "flash-sale", "--buyers", "3", "--prepare-timeout", "10m"], interrupt.Token);

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.EndsWith("interrupted; no report written.", errors.ToString().TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors.ToString(), StringComparison.Ordinal);
    }

    private static Task Shop(HttpContext context) => (context.Request.Method, context.Request.Path.Value) switch
    {
        ("GET", "/v1/products") => StubShop.Json(context, 200, OneProduct),
        ("POST", "/v1/auth/login") => StubShop.Json(context, 200, """{"accessToken":"admin"}"""),
        ("POST", "/v1/products") => StubShop.Json(context, 201, "{}"),
        _ => StubShop.Json(context, 404, """{"title":"Not found"}""", "application/problem+json"),
    };

    private Task<int> RunAsync(params string[] args) => new LoadCommand(output, errors).RunAsync(args, CancellationToken.None);

    private void AssertOneLine()
    {
        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var message = Assert.Single(lines, l => l.StartsWith("Shop.LoadTests", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
