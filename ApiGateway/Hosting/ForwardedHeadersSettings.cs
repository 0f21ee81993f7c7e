using System.ComponentModel.DataAnnotations;

namespace Shop.ApiGateway.Hosting;

/// <summary>
/// Which proxies may tell the gateway who the client is (<c>Shop:Gateway:ForwardedHeaders</c>). Behind Kong or an
/// ingress every request arrives from the proxy; only from these networks are <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> believed, so the per-IP login limit and the logs see the real client, while a client that
/// sends the header itself from anywhere else cannot pick its own address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = GatewayOptions.Section + ":ForwardedHeaders";

    /// <summary>
    /// The proxies' networks in CIDR notation (<c>10.0.0.0/8</c>, <c>fd00::/8</c>; a single address is <c>/32</c> or
    /// <c>/128</c>). Empty (the default): forwarded headers are ignored.
    /// </summary>
    public List<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row are trusted (entries of <c>X-Forwarded-For</c> read from the right).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}
