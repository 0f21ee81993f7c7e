using k8s.Models;
using Shop.ApiGateway.Hosting;
using Shop.Deploy.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Shop.Deploy.Tests;

/// <summary>
/// deploy/kong/kong.yaml passes decK's validation, and routes what the design asks to the gateway Service that the
/// manifests really define, with the plugins in front and no JWT plugin (the gateway checks tokens).
/// </summary>
public sealed class KongConfigurationTests
{
    [SkippableFact]
    public async Task Deck_validates_the_declarative_file()
    {
        Skip.IfNot(Tool.IsInstalled("deck"), "deck (Debian package deck, Kong's decK) is not installed; ./test.sh installs it.");

        var result = await Tool.RunAsync("deck", ["validate", "-s", RepositoryPaths.KongFile]);

        Assert.True(result.ExitCode == 0, $"deck validate -s deploy/kong/kong.yaml: {result.Output}{result.Error}");
    }

    [SkippableFact]
    public async Task Deck_refuses_a_route_that_names_its_service_by_a_bare_string()
    {
        Skip.IfNot(Tool.IsInstalled("deck"), "deck is not installed.");
        var broken = Path.Combine(Path.GetTempPath(), $"shop-kong-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(broken, "_format_version: \"3.0\"\nroutes:\n- name: r\n  service: shop-rest\n  paths: [/]\n");
        try
        {
            var result = await Tool.RunAsync("deck", ["validate", "-s", broken]);

            Assert.NotEqual(0, result.ExitCode);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [SkippableFact]
    public async Task Rest_and_grpc_go_to_the_gateway_service_s_ports_with_the_plugins_in_front()
    {
        var kong = Load();
        var rendered = await Overlays.RenderAsync("production", "");
        var service = rendered.All<V1Service>().Single(s => s.Metadata.Name == "shop-gateway");
        var host = $"shop-gateway.{service.Metadata.NamespaceProperty}.svc.cluster.local";
        var failures = new Failures("kong.yaml");

        failures.Check(Scalar(kong, "_format_version") == "3.0", "kong.yaml", "_format_version", "must be 3.0");
        var services = Sequence(kong, "services").ToList();
        var rest = services.SingleOrDefault(s => Sequence(s, "routes").Any(r => Sequence(r, "protocols").Any(p => ((YamlScalarNode)p).Value == "http")));
        var grpc = services.SingleOrDefault(s => Sequence(s, "routes").Any(r => Sequence(r, "protocols").Any(p => ((YamlScalarNode)p).Value == "grpc")));
        failures.Check(rest is not null, "kong.yaml", "services[].routes[].protocols", "no route speaks http");
        failures.Check(grpc is not null, "kong.yaml", "services[].routes[].protocols", "no route speaks grpc");
        if (rest is not null)
        {
            var url = new Uri(Scalar(rest, "url") ?? "http://missing");
            failures.Check(url.Host == host && service.Spec.Ports.Any(p => p.Name == "http" && p.Port == url.Port),
                $"kong service {Scalar(rest, "name")}", "url", $"is {url}; the gateway Service is {host} with http on port {service.Spec.Ports.FirstOrDefault(p => p.Name == "http")?.Port}");
            var size = Sequence(rest, "plugins").FirstOrDefault(p => Scalar(p, "name") == "request-size-limiting");
            failures.Check(size is not null && long.Parse(Scalar(Child(size, "config"), "allowed_payload_size") ?? "0", System.Globalization.CultureInfo.InvariantCulture) * 1024
                    == new GatewayOptions().MaxRequestBodyBytes,
                $"kong service {Scalar(rest, "name")}", "plugins[request-size-limiting].config.allowed_payload_size",
                $"must equal the gateway's own limit ({new GatewayOptions().MaxRequestBodyBytes / 1024} KiB)");
        }

        if (grpc is not null)
        {
            var port = int.Parse(Scalar(grpc, "port") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            failures.Check(Scalar(grpc, "protocol") == "grpc" && Scalar(grpc, "host") == host && service.Spec.Ports.Any(p => p.Name == "grpc" && p.Port == port),
                $"kong service {Scalar(grpc, "name")}", "protocol/host/port", $"must be grpc to {host}:{service.Spec.Ports.FirstOrDefault(p => p.Name == "grpc")?.Port}");
        }

        var plugins = Sequence(kong, "plugins").Concat(services.SelectMany(s => Sequence(s, "plugins")))
            .Select(p => Scalar(p, "name")).ToHashSet();
        foreach (var required in new[] { "rate-limiting", "cors", "request-size-limiting", "correlation-id" })
        {
            failures.Check(plugins.Contains(required), "kong.yaml", "plugins", $"{required} is missing");
        }

        failures.Check(!plugins.Contains("jwt"), "kong.yaml", "plugins", "jwt must not be configured: the gateway alone checks tokens");
        failures.ThrowIfAny();
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepositoryPaths.KongFile);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar
            ? scalar.Value
            : null;

    private static YamlNode Child(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : new YamlMappingNode();

    private static IEnumerable<YamlNode> Sequence(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? sequence.Children
            : [];
}
