using System.Globalization;
using System.Net;
using Shop.Deploy.Tests.Infrastructure;

namespace Shop.Deploy.Tests;

/// <summary>
/// <c>tools/cluster.sh</c>, the one-machine stand-in for a Kubernetes cluster: up, scale, a rolling restart and a
/// crashed silo, with every process ready and the gateway serving afterwards.
/// </summary>
public sealed class ClusterScriptTests
{
    private static readonly TimeSpan VerbTimeout = TimeSpan.FromMinutes(6);
    private readonly string clusterDir = Path.Combine(Path.GetTempPath(), "shop-cluster-test-" + Guid.NewGuid().ToString("N")[..8]);

    [SkippableFact]
    public async Task Silos_scale_up_restart_one_by_one_and_survive_a_crash_while_the_gateway_serves()
    {
        Skip.IfNot(Directory.Exists("/usr/lib/postgresql"), "PostgreSQL is not installed (./test.sh installs it).");
        Skip.IfNot(Tool.IsInstalled("redis-server"), "redis-server is not installed (./test.sh installs it).");
        try
        {
            await Cluster("up", "--silos", "2", "--gateways", "1");
            Assert.Equal(["silo 1", "silo 2", "gateway 1"], ReadyProcesses(await Cluster("status")));

            await Cluster("scale", "silos", "3");
            await Cluster("kill", "silo", "1");
            await Cluster("rolling-restart", "silos");
            var status = await Cluster("status");

            Assert.Equal(["silo 4", "silo 5", "gateway 1"], ReadyProcesses(status));
            Assert.Equal(HttpStatusCode.OK, await ProductsStatus(GatewayPort(status)));
        }
        finally
        {
            await Tool.RunAsync("bash", [Script, "down"], timeout: VerbTimeout, environment: Environment());
        }
    }

    [Theory]
    [InlineData("scale", "silos", "many", "expected a number, got 'many'")]
    [InlineData("scale", "pods", "2", "expected silos or gateways, got 'pods'")]
    [InlineData("launch", "", "", "unknown verb 'launch'")]
    public async Task A_mistaken_command_is_answered_with_one_line(string verb, string kind, string count, string message)
    {
        var result = await Tool.RunAsync("bash", new[] { Script, verb, kind, count }.Where(a => a.Length > 0), environment: Environment());

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    private static string Script => Path.Combine(RepositoryPaths.Root, "tools", "cluster.sh");

    private Dictionary<string, string> Environment() => new() { ["SHOP_CLUSTER_DIR"] = clusterDir };

    private async Task<string> Cluster(params string[] arguments)
    {
        var result = await Tool.RunAsync("bash", [Script, .. arguments], timeout: VerbTimeout, environment: Environment());
        Assert.True(result.ExitCode == 0, $"cluster.sh {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Output}{result.Error}");
        return result.Output;
    }

    // "silo 4" for each row of `status` whose state is ready (KIND INDEX PID HTTP STATE).
    private static List<string> ReadyProcesses(string status) =>
        [.. Rows(status).Where(row => row[4] == "ready").Select(row => $"{row[0]} {row[1]}")];

    private static int GatewayPort(string status) =>
        int.Parse(Rows(status).Single(row => row[0] == "gateway")[3], CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Rows(string status) =>
        status.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(row => row.Length == 5 && row[0] is "silo" or "gateway");

    private static async Task<HttpStatusCode> ProductsStatus(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/v1/products?pageSize=1"));
        return response.StatusCode;
    }
}
