namespace Shop.ApiGateway.Tests.Publish;

/// <summary>A wrong setting stops the gateway process at start with one line naming it, as an operator sees it.</summary>
[Collection(SiloLessGatewayTests.Name)]
public sealed class StartRefusalTests(SiloLessGateway build)
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_known_network_that_is_not_a_network_stops_the_start_with_one_line_naming_the_setting()
    {
        await using var gateway = GatewayProcess.Start(build.GatewayDll, new Dictionary<string, string>
        {
            ["Shop:Gateway:Mode"] = "Client",
            ["Shop:Orleans:Gateways:0"] = "127.0.0.1:30000",
            ["Shop:Gateway:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
            ["Shop:Gateway:ForwardedHeaders:KnownNetworks:1"] = "not-a-network",
        });

        var exitCode = await gateway.ExitCodeAsync(ExitTimeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(gateway.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Shop:Gateway:ForwardedHeaders:KnownNetworks:1", line, StringComparison.Ordinal);
    }
}
