using System.ComponentModel.DataAnnotations;

namespace Shop.Silo.Configuration;

/// <summary>Cluster identity and ports (<c>Shop:Orleans</c>).</summary>
public sealed class OrleansClusterOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Orleans";

    /// <summary><c>Localhost</c> (one machine, development) or <c>AdoNet</c> (PostgreSQL membership).</summary>
    [Required]
    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    [Required, MinLength(1)]
    public string ClusterId { get; set; } = "dev";

    /// <summary>Stable across deployments; storage is keyed by it.</summary>
    [Required, MinLength(1)]
    public string ServiceId { get; set; } = "shop";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (gateways) connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}
