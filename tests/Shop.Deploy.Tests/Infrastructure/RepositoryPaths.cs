namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>Folders of the repository the tests read (found from the test's output folder upwards).</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding Shop.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>deploy/k8s.</summary>
    public static string Kubernetes => Path.Combine(Root, "deploy", "k8s");

    /// <summary>deploy/kong/kong.yaml.</summary>
    public static string KongFile => Path.Combine(Root, "deploy", "kong", "kong.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Shop.sln above {AppContext.BaseDirectory}.");
    }
}
