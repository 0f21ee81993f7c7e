using System.Xml.Linq;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// What deploy/docker/Containers.targets declares for the images: the ports each image exposes and the HTTP port the
/// hosts listen on inside the image (its ASPNETCORE_URLS).
/// </summary>
internal static class ImageDefinition
{
    private static readonly XDocument Targets = XDocument.Load(Path.Combine(RepositoryPaths.Root, "deploy", "docker", "Containers.targets"));

    /// <summary>The HTTP port of both hosts in their images.</summary>
    public static int HttpPort { get; } = new Uri(
        Targets.Descendants("ContainerEnvironmentVariable").Single(e => (string?)e.Attribute("Include") == "ASPNETCORE_URLS")
            .Attribute("Value")!.Value.Replace("+", "localhost", StringComparison.Ordinal)).Port;

    /// <summary>The ports an image exposes (shop-silo or shop-gateway).</summary>
    public static IReadOnlySet<int> PortsOf(string image)
    {
        var project = image == ShopContainer.SiloImage ? "Shop.Silo" : "Shop.ApiGateway";
        return Targets.Descendants("ItemGroup")
            .Where(group => (string?)group.Attribute("Condition") is not { } condition || condition.Contains($"'{project}'", StringComparison.Ordinal))
            .SelectMany(group => group.Elements("ContainerPort"))
            .Select(port => int.Parse(port.Attribute("Include")!.Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
    }
}
