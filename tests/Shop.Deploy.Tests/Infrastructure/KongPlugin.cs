using k8s;
using k8s.Models;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>Kong Ingress Controller's KongPlugin resource, enough of it for a strict load.</summary>
public sealed class KongPlugin : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The type-map key of KubernetesYaml.</summary>
    public const string TypeKey = "configuration.konghq.com/v1/KongPlugin";

    /// <inheritdoc />
    public string ApiVersion { get; set; } = "";

    /// <inheritdoc />
    public string Kind { get; set; } = "";

    /// <inheritdoc />
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The Kong plugin's name (rate-limiting, cors, ...).</summary>
    public string Plugin { get; set; } = "";

    /// <summary>The plugin's configuration.</summary>
    public Dictionary<string, object> Config { get; set; } = [];
}
