using System.Text.Json;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// Builds the two images for real, once per test run, the way README's Images section tells an operator to: a base
/// image from Debian packages (deploy/docker/build-base-image.sh, cached under /var/tmp) pushed with skopeo into a
/// loopback docker-registry, then <c>dotnet publish -t:PublishContainer</c> of the silo and of the silo-less gateway
/// onto it, and podman pulls both.
/// </summary>
public sealed class ShopImages : IAsyncLifetime
{
    private static readonly string[] Tools = ["podman", "skopeo", "docker-registry", "mmdebstrap", "dotnet"];
    private readonly string tag = "test-" + Guid.NewGuid().ToString("N")[..8];
    private LocalRegistry? registry;

    /// <summary>Why the image tests are skipped, or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The silo image as podman knows it.</summary>
    public string Silo => $"{registry!.Address}/shop-silo:{tag}";

    /// <summary>The gateway image as podman knows it.</summary>
    public string Gateway => $"{registry!.Address}/shop-gateway:{tag}";

    /// <summary>What the build printed (timings), for the test output.</summary>
    public List<string> Log { get; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("SHOP_TEST_SKIP_IMAGES") == "1")
        {
            SkipReason = "SHOP_TEST_SKIP_IMAGES=1: the image build and container run were not asked for.";
            return;
        }

        var missing = Tools.Where(t => !Tool.IsInstalled(t)).ToList();
        if (missing.Count > 0)
        {
            SkipReason = $"{string.Join(", ", missing)} not installed (Debian packages podman skopeo docker-registry mmdebstrap runc; ./test.sh installs them).";
            return;
        }

        registry = await LocalRegistry.StartAsync();
        var started = DateTime.UtcNow;
        var baseTar = Path.Combine(Path.GetTempPath(), $"shop-base-{tag}.tar");
        try
        {
            await Tool.RunCheckedAsync(Path.Combine(RepositoryPaths.Root, "deploy", "docker", "build-base-image.sh"), [baseTar], timeout: TimeSpan.FromMinutes(10));
            var baseImage = $"{registry.Address}/shop-dotnet-base:10.0";
            await Tool.RunCheckedAsync("skopeo", ["copy", "--quiet", "--dest-tls-verify=false", $"tarball:{baseTar}", $"docker://{baseImage}"], timeout: TimeSpan.FromMinutes(5));
            Log.Add($"base image ready in {(DateTime.UtcNow - started).TotalSeconds:0} s");
            await PublishAsync("Silo/Shop.Silo.csproj", baseImage);
            // The gateway image is the silo-less build (CoHostSilo=false): an Orleans client only.
            await PublishAsync("ApiGateway/Shop.ApiGateway.csproj", baseImage, "-p:CoHostSilo=false");
            Log.Add($"images published in {(DateTime.UtcNow - started).TotalSeconds:0} s");
            foreach (var image in new[] { Silo, Gateway })
            {
                await Tool.RunCheckedAsync("podman", ["pull", "--quiet", "--tls-verify=false", image], timeout: TimeSpan.FromMinutes(5));
            }

            Log.Add($"images pulled in {(DateTime.UtcNow - started).TotalSeconds:0} s");
        }
        finally
        {
            File.Delete(baseTar);
        }
    }

    /// <summary>A pulled image's configuration (podman image inspect).</summary>
    public static async Task<JsonElement> InspectAsync(string image)
    {
        var json = await Tool.RunCheckedAsync("podman", ["image", "inspect", image]);
        using var document = JsonDocument.Parse(json);
        return document.RootElement[0].Clone();
    }

    private async Task PublishAsync(string project, string baseImage, params string[] extra)
    {
        var output = Path.Combine(Path.GetTempPath(), $"shop-publish-{tag}-{Path.GetFileNameWithoutExtension(project)}");
        try
        {
            await Tool.RunCheckedAsync("dotnet",
                ["publish", project, "-c", "Release", "-nologo", "-v", "q", "-t:PublishContainer", "-o", output,
                 $"-p:ContainerBaseImage={baseImage}", $"-p:ContainerRegistry={registry!.Address}", $"-p:ContainerImageTag={tag}",
                 "-p:ShopImageSource=https://example.invalid/shop", .. extra],
                timeout: TimeSpan.FromMinutes(15),
                environment: new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (registry is null)
        {
            return;
        }

        await Tool.RunAsync("podman", ["rmi", "-f", Silo, Gateway]);
        await registry.DisposeAsync();
    }
}
