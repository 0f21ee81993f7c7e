using System.Globalization;
using System.Net;
using k8s.Models;
using Shop.ApiGateway.Hosting;
using Shop.Deploy.Tests.Infrastructure;
using Shop.Silo.Configuration;

namespace Shop.Deploy.Tests;

/// <summary>
/// The probes of the manifests ask the hosts what they mean to: each probe path of each Shop container is served by
/// that host, and with its storage server down the startup and liveness probes still pass (they touch no remote
/// service, so an outage does not restart every pod) while the readiness probe fails (the pod leaves the Service).
/// </summary>
public sealed class ProbeTests
{
    [SkippableFact]
    public async Task The_silo_s_probes_pass_liveness_and_fail_readiness_while_its_storage_is_down()
    {
        var rendered = await Overlays.RenderAsync("production", "");
        await using var silo = new HostApp<StorageOptions>(StorageDown());

        await AssertProbesAsync(rendered, ShopContainer.SiloImage, silo.CreateClient());
    }

    [SkippableFact]
    public async Task The_gateway_s_probes_pass_liveness_and_fail_readiness_while_its_storage_is_down()
    {
        var rendered = await Overlays.RenderAsync("production", "");
        await using var gateway = new HostApp<GatewayOptions>(StorageDown());

        await AssertProbesAsync(rendered, ShopContainer.GatewayImage, gateway.CreateClient());
    }

    // Redis on a port nobody listens on: only the readiness check uses it (carts stay in memory).
    private static Dictionary<string, string?> StorageDown() => new()
    {
        ["ConnectionStrings:Redis"] = $"127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)},connectTimeout=500",
    };

    private static async Task AssertProbesAsync(Rendered rendered, string image, HttpClient client)
    {
        var container = rendered.ShopContainers().First(c => c.IsHost && c.Image == image);
        var probes = new (string Name, V1Probe? Probe, HttpStatusCode Expected)[]
        {
            ("startupProbe", container.Container.StartupProbe, HttpStatusCode.OK),
            ("livenessProbe", container.Container.LivenessProbe, HttpStatusCode.OK),
            ("readinessProbe", container.Container.ReadinessProbe, HttpStatusCode.ServiceUnavailable),
        };
        var failures = new Failures(rendered.Name);
        foreach (var (name, probe, expected) in probes)
        {
            Assert.NotNull(probe?.HttpGet);
            using var response = await client.GetAsync(probe.HttpGet.Path);
            failures.Check(response.StatusCode == expected, container.Where, $"{name}.httpGet.path",
                $"GET {probe.HttpGet.Path} answered {(int)response.StatusCode} with storage down, expected {(int)expected}");
        }

        failures.ThrowIfAny();
    }
}
