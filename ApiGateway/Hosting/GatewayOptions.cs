using System.ComponentModel.DataAnnotations;

namespace Shop.ApiGateway.Hosting;

/// <summary>Gateway hosting settings (<c>Shop:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Gateway";

    /// <summary><c>CoHosted</c> (a silo in this process) or <c>Client</c> (connect to a silo cluster).</summary>
    public GatewayMode Mode { get; set; } = GatewayMode.CoHosted;

    /// <summary>
    /// Extra port served with HTTP/2 only, for gRPC clients without TLS (h2c with prior knowledge); 0 disables it.
    /// Cleartext HTTP/2 needs a port that speaks HTTP/2 only: Kestrel answers HTTP/1.1 on a mixed port without TLS.
    /// </summary>
    [Range(0, 65535)]
    public int GrpcPort { get; set; } = 5081;

    /// <summary>Largest request body accepted (REST and gRPC messages).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Client mode: how long the start keeps retrying to reach the cluster before it gives up.</summary>
    [Range(0, 3600)]
    public int ClusterConnectSeconds { get; set; } = 60;

    /// <summary>How long the readiness probe waits for the cluster.</summary>
    [Range(1, 60)]
    public int ReadinessTimeoutSeconds { get; set; } = 2;
}
