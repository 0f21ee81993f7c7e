using k8s.Models;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>A container running one of the two Shop images, with the pod template and workload it belongs to.</summary>
public sealed record ShopContainer(string Owner, V1PodTemplateSpec Pod, V1Container Container, string Image)
{
    /// <summary>The silo image's repository name.</summary>
    public const string SiloImage = "shop-silo";

    /// <summary>The gateway image's repository name.</summary>
    public const string GatewayImage = "shop-gateway";

    /// <summary>Names the container in failure messages: <c>Deployment/shop-silo container silo</c>.</summary>
    public string Where => $"{Owner} container {Container.Name}";

    /// <summary>Whether this is a long-running host (not the migration Job).</summary>
    public bool IsHost => !Owner.StartsWith("Job/", StringComparison.Ordinal);

    /// <summary>shop-silo or shop-gateway for an image reference of theirs (any registry and tag), else null.</summary>
    public static string? ImageOf(string reference)
    {
        var name = reference.Split('@')[0];
        var lastSlash = name.LastIndexOf('/');
        var repository = name[(lastSlash + 1)..].Split(':')[0];
        return repository is SiloImage or GatewayImage ? repository : null;
    }
}
