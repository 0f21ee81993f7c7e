using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Orleans.Hosting.Kubernetes;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// The Kubernetes API calls Microsoft.Orleans.Hosting.Kubernetes makes, read from its compiled code: every
/// KubernetesClient operation it references (<c>ReadNamespacedPodAsync</c>, <c>WatchListNamespacedPodAsync</c>, ...),
/// as the RBAC verb and resource each one needs.
/// </summary>
internal static partial class HostingPackageCalls
{
    /// <summary>(verb, resource) pairs, e.g. (get, pods).</summary>
    public static IReadOnlySet<(string Verb, string Resource)> Required { get; } = Read();

    private static HashSet<(string, string)> Read()
    {
        using var stream = File.OpenRead(typeof(KubernetesHostingOptions).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var calls = new HashSet<(string, string)>();
        foreach (var handle in metadata.MemberReferences)
        {
            var name = metadata.GetString(metadata.GetMemberReference(handle).Name);
            if (Operation().Match(name) is { Success: true } match)
            {
                calls.Add((VerbOf(match.Groups["op"].Value), match.Groups["kind"].Value.ToLowerInvariant() + "s"));
            }
        }

        return calls;
    }

    private static string VerbOf(string operation) => operation switch
    {
        "Read" => "get",
        "List" => "list",
        "WatchList" => "watch",
        "Patch" => "patch",
        "Delete" => "delete",
        "Create" => "create",
        "Replace" => "update",
        _ => throw new InvalidOperationException($"Unknown Kubernetes operation {operation}."),
    };

    [GeneratedRegex("^(?<op>Read|List|WatchList|Patch|Delete|Create|Replace)Namespaced(?<kind>[A-Z][a-z]+)(WithHttpMessages)?Async$")]
    private static partial Regex Operation();
}
