using System.Reflection;

namespace Shop.E2E.Tests.Infrastructure;

/// <summary>Where the built gateway, the storefront build and the test artifacts are, as recorded at build time.</summary>
public static class Locations
{
    /// <summary>The repository's root folder.</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Metadata("RepositoryRoot"));

    /// <summary>The gateway assembly built in the same configuration as the tests.</summary>
    public static string GatewayAssembly { get; } = Path.GetFullPath(Metadata("GatewayAssembly"));

    /// <summary>The gateway's project folder: its content root, holding appsettings.json and wwwroot.</summary>
    public static string GatewayProject { get; } = Path.Combine(RepositoryRoot, "ApiGateway");

    /// <summary>The storefront build's entry page.</summary>
    public static string StorefrontIndex { get; } = Path.Combine(GatewayProject, "wwwroot", "index.html");

    /// <summary>Screenshots and other files the tests leave for people to look at (ignored by git).</summary>
    public static string Artifacts { get; } = Path.Combine(RepositoryRoot, "tests", "Shop.E2E.Tests", "artifacts");

    private static string Metadata(string key) =>
        typeof(Locations).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
