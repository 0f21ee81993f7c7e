using k8s.Models;
using Shop.ApiGateway.Hosting;
using Shop.ServiceDefaults.Clustering;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// The settings a Shop container gets from its manifest (env, and the ConfigMaps of envFrom), read the way the host
/// reads them: a value the manifest does not set is the options class's default.
/// </summary>
internal sealed class ShopConfig
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    private ShopConfig()
    {
    }

    /// <summary>The settings of <paramref name="container"/> in <paramref name="rendered"/>.</summary>
    public static ShopConfig Of(Rendered rendered, V1Container container)
    {
        var config = new ShopConfig();
        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } reference && rendered.ConfigMap(reference.Name) is { Data: { } data })
            {
                foreach (var (key, value) in data)
                {
                    config.values[(source.Prefix ?? "") + key] = value;
                }
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            if (variable.Value is not null)
            {
                config.values[variable.Name] = variable.Value;
            }
        }

        return config;
    }

    /// <summary>A setting's value, or null when the manifest leaves it unset.</summary>
    public string? this[string environmentVariable] => values.GetValueOrDefault(environmentVariable);

    /// <summary>Shop:Orleans:SiloPort.</summary>
    public int SiloPort => IntOr("Shop__Orleans__SiloPort", new OrleansClusterOptions().SiloPort);

    /// <summary>Shop:Orleans:GatewayPort.</summary>
    public int OrleansGatewayPort => IntOr("Shop__Orleans__GatewayPort", new OrleansClusterOptions().GatewayPort);

    /// <summary>Shop:Gateway:GrpcPort.</summary>
    public int GrpcPort => IntOr("Shop__Gateway__GrpcPort", new GatewayOptions().GrpcPort);

    /// <summary>Shop:Orleans:ClusterId.</summary>
    public string ClusterId => this["Shop__Orleans__ClusterId"] ?? new OrleansClusterOptions().ClusterId;

    /// <summary>Shop:Orleans:ServiceId.</summary>
    public string ServiceId => this["Shop__Orleans__ServiceId"] ?? new OrleansClusterOptions().ServiceId;

    private int IntOr(string name, int fallback) =>
        this[name] is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
