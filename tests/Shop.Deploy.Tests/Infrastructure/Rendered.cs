using k8s;
using k8s.Models;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// One overlay rendered by <c>kubectl kustomize</c> and loaded with KubernetesClient's strict loader: a field that
/// is not in the Kubernetes schema (a typo, a wrong nesting) fails the load.
/// </summary>
public sealed class Rendered
{
    private Rendered(string name, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects)
    {
        Name = name;
        Objects = objects;
    }

    /// <summary>The overlay (and component) rendered.</summary>
    public string Name { get; }

    /// <summary>Every object, in rendered order.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; }

    /// <summary>Objects of one type.</summary>
    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    /// <summary>Pod templates of the workloads, named like <c>Deployment/shop-silo</c>.</summary>
    public IEnumerable<(string Owner, V1PodTemplateSpec Template)> PodTemplates() =>
        All<V1Deployment>().Select(d => ($"Deployment/{d.Metadata.Name}", d.Spec.Template))
            .Concat(All<V1StatefulSet>().Select(s => ($"StatefulSet/{s.Metadata.Name}", s.Spec.Template)))
            .Concat(All<V1Job>().Select(j => ($"Job/{j.Metadata.Name}", j.Spec.Template)));

    /// <summary>The containers that run a Shop image (shop-silo or shop-gateway), with their pod and owner.</summary>
    public IEnumerable<ShopContainer> ShopContainers() =>
        from owner in PodTemplates()
        from container in owner.Template.Spec.Containers
        let image = ShopContainer.ImageOf(container.Image)
        where image is not null
        select new ShopContainer(owner.Owner, owner.Template, container, image);

    /// <summary>The Deployment named <paramref name="name"/>.</summary>
    public V1Deployment Deployment(string name) =>
        All<V1Deployment>().SingleOrDefault(d => d.Metadata.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"{Name}: no Deployment/{name}.");

    /// <summary>The ConfigMap named <paramref name="name"/>, or null.</summary>
    public V1ConfigMap? ConfigMap(string name) => All<V1ConfigMap>().SingleOrDefault(c => c.Metadata.Name == name);

    /// <summary>Renders an overlay (optionally with components) and loads it; skips when kubectl is missing.</summary>
    public static async Task<Rendered> OverlayAsync(string overlay, params string[] components)
    {
        Skip.IfNot(Tool.IsInstalled("kubectl"), "kubectl is not installed (it renders the kustomize overlays).");
        var target = Path.Combine(RepositoryPaths.Kubernetes, "overlays", overlay);
        string? scratch = null;
        if (components.Length > 0)
        {
            // A kustomization of the overlay plus components, in a folder of its own (paths must be relative).
            scratch = Directory.CreateTempSubdirectory("shop-kustomize-").FullName;
            var lines = new List<string> { "apiVersion: kustomize.config.k8s.io/v1beta1", "kind: Kustomization", "resources:" };
            lines.Add("- " + Path.GetRelativePath(scratch, target));
            lines.Add("components:");
            lines.AddRange(components.Select(c => "- " + Path.GetRelativePath(scratch, Path.Combine(RepositoryPaths.Kubernetes, "components", c))));
            await File.WriteAllLinesAsync(Path.Combine(scratch, "kustomization.yaml"), lines);
            target = scratch;
        }

        try
        {
            var yaml = await Tool.RunCheckedAsync("kubectl", ["kustomize", target]);
            var name = string.Join('+', new[] { overlay }.Concat(components));
            return new Rendered(name, Load(yaml, name));
        }
        finally
        {
            if (scratch is not null)
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static List<IKubernetesObject<V1ObjectMeta>> Load(string yaml, string name)
    {
        List<object> objects;
        try
        {
            objects = KubernetesYaml.LoadAllFromString(
                yaml, new Dictionary<string, Type> { [KongPlugin.TypeKey] = typeof(KongPlugin) }, strict: true);
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or KeyNotFoundException)
        {
            throw new Xunit.Sdk.XunitException($"{name}: the rendered manifests do not load strictly: {ex.Message} {ex.InnerException?.Message}");
        }

        return objects.Cast<IKubernetesObject<V1ObjectMeta>>().ToList();
    }
}
