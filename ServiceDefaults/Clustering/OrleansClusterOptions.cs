using System.ComponentModel.DataAnnotations;

namespace Shop.ServiceDefaults.Clustering;

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

    /// <summary>
    /// Running in Kubernetes (<c>Shop:Orleans:Kubernetes=true</c>): Microsoft.Orleans.Hosting.Kubernetes advertises the
    /// pod IP (<c>POD_IP</c>), names the silo after its pod (<c>POD_NAME</c>, <c>POD_NAMESPACE</c>, from the downward
    /// API) and declares a silo dead as soon as its pod is deleted. Needs the pods RBAC of deploy/k8s/base/rbac.yaml.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>
    /// Silos outside Kubernetes: the IP address the silo advertises in the membership table and listens on (for example
    /// <c>127.0.0.1</c> for a cluster on one machine whose clients are told loopback endpoints). Unset, Orleans picks
    /// the first non-loopback address of the machine.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Clients only: the silos' gateway endpoints as <c>host:port</c> (a port left out is <see cref="GatewayPort"/>).
    /// A host name is resolved again at every gateway-list refresh, so a Kubernetes headless Service names every ready
    /// silo. When set, a client takes its gateways from here and reads no membership table.
    /// </summary>
    public IList<string> Gateways { get; } = [];

    /// <summary>
    /// Clients only: how long a grain call waits for its answer (Orleans' <c>ClientMessagingOptions.ResponseTimeout</c>,
    /// 30 s by default). A call that reached a silo which then crashed is never answered, and an Orleans client, unlike a
    /// silo, does not break such calls when the cluster declares the silo dead: it waits for this timeout. 10 s lets the
    /// gateway answer 503 (and the caller retry) in about the time the silos need to evict the dead one; a grain call of
    /// the shop takes milliseconds, so only a call stuck behind an outage reaches it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ClientResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many grain addresses a silo's directory cache keeps (least recently used first out). Every activation on a
    /// silo takes an entry (about 240 bytes of heap) until it falls out, so Orleans' default of 1,000,000 lets a silo
    /// full of idle carts pay for caching addresses nobody calls; a cache sized to the grains that are actually busy
    /// keeps calls to them addressed from the cache, and a call to an evicted grain looks its address up in the
    /// directory once. The default is Orleans' own.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int DirectoryCacheSize { get; set; } = DefaultDirectoryCacheSize;

    /// <summary>The default of <see cref="DirectoryCacheSize"/>.</summary>
    public const int DefaultDirectoryCacheSize = 1_000_000;
}
