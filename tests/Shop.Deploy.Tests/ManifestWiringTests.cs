using k8s.Models;
using Orleans.Hosting.Kubernetes;
using Shop.Deploy.Tests.Infrastructure;

namespace Shop.Deploy.Tests;

/// <summary>
/// The rendered overlays are wired to each other and to the hosts: selectors find their pods, ports and env vars
/// are the ones the hosts use, RBAC covers the hosting package, and no secret value is in the repository.
/// </summary>
public sealed class ManifestWiringTests
{
    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Every_selector_finds_the_pods_it_means(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);
        var templates = rendered.PodTemplates().ToList();

        foreach (var deployment in rendered.All<V1Deployment>())
        {
            failures.Check(Matches(deployment.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels),
                $"Deployment/{deployment.Metadata.Name}", "spec.selector.matchLabels", "does not match spec.template.metadata.labels");
        }

        foreach (var set in rendered.All<V1StatefulSet>())
        {
            failures.Check(Matches(set.Spec.Selector.MatchLabels, set.Spec.Template.Metadata.Labels),
                $"StatefulSet/{set.Metadata.Name}", "spec.selector.matchLabels", "does not match spec.template.metadata.labels");
            failures.Check(rendered.All<V1Service>().Any(s => s.Metadata.Name == set.Spec.ServiceName),
                $"StatefulSet/{set.Metadata.Name}", "spec.serviceName", $"names no Service ({set.Spec.ServiceName})");
        }

        foreach (var service in rendered.All<V1Service>())
        {
            var pods = templates.Where(t => Matches(service.Spec.Selector, t.Template.Metadata.Labels)).ToList();
            failures.Check(pods.Count > 0, $"Service/{service.Metadata.Name}", "spec.selector", "matches no pod template");
            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                failures.Check(pods.Count == 0 || pods.All(p => p.Template.Spec.Containers.SelectMany(c => c.Ports ?? []).Any(
                        cp => cp.Name == target || cp.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == target)),
                    $"Service/{service.Metadata.Name}", $"spec.ports[{port.Name}].targetPort", $"{target} is no container port of the selected pods");
            }
        }

        foreach (var budget in rendered.All<V1PodDisruptionBudget>())
        {
            failures.Check(templates.Any(t => Selects(budget.Spec.Selector, t.Template.Metadata.Labels)),
                $"PodDisruptionBudget/{budget.Metadata.Name}", "spec.selector", "matches no pod template");
        }

        foreach (var policy in rendered.All<V1NetworkPolicy>())
        {
            var name = $"NetworkPolicy/{policy.Metadata.Name}";
            failures.Check(IsEmpty(policy.Spec.PodSelector) || templates.Any(t => Selects(policy.Spec.PodSelector, t.Template.Metadata.Labels)),
                name, "spec.podSelector", "matches no pod template");
            foreach (var peer in (policy.Spec.Ingress ?? []).SelectMany(rule => rule.FromProperty ?? []).Where(p => p.PodSelector is not null))
            {
                failures.Check(templates.Any(t => Selects(peer.PodSelector, t.Template.Metadata.Labels)),
                    name, "spec.ingress[].from[].podSelector", "matches no pod template");
            }
        }

        foreach (var autoscaler in rendered.All<V2HorizontalPodAutoscaler>())
        {
            var target = autoscaler.Spec.ScaleTargetRef;
            failures.Check(rendered.All<V1Deployment>().Any(d => target.Kind == "Deployment" && d.Metadata.Name == target.Name),
                $"HorizontalPodAutoscaler/{autoscaler.Metadata.Name}", "spec.scaleTargetRef", $"names no Deployment ({target.Name})");
        }

        foreach (var binding in rendered.All<V1RoleBinding>())
        {
            failures.Check(rendered.All<V1Role>().Any(r => r.Metadata.Name == binding.RoleRef.Name),
                $"RoleBinding/{binding.Metadata.Name}", "roleRef.name", $"names no Role ({binding.RoleRef.Name})");
            foreach (var subject in binding.Subjects)
            {
                failures.Check(rendered.All<V1ServiceAccount>().Any(a => a.Metadata.Name == subject.Name && a.Metadata.NamespaceProperty == subject.NamespaceProperty),
                    $"RoleBinding/{binding.Metadata.Name}", $"subjects[{subject.Name}]", "names no ServiceAccount of that namespace");
            }
        }

        foreach (var (owner, template) in templates)
        {
            var account = template.Spec.ServiceAccountName;
            failures.Check(account is null || rendered.All<V1ServiceAccount>().Any(a => a.Metadata.Name == account),
                owner, "spec.template.spec.serviceAccountName", $"names no ServiceAccount ({account})");
            foreach (var reference in template.Spec.Containers.SelectMany(c => c.EnvFrom ?? []).Where(e => e.ConfigMapRef is not null))
            {
                failures.Check(rendered.ConfigMap(reference.ConfigMapRef.Name) is not null,
                    owner, "envFrom[].configMapRef", $"names no ConfigMap ({reference.ConfigMapRef.Name})");
            }
        }

        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Container_ports_and_probes_are_the_ports_the_hosts_listen_on(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);

        foreach (var shop in rendered.ShopContainers().Where(c => c.IsHost))
        {
            var config = ShopConfig.Of(rendered, shop.Container);
            var expected = new Dictionary<string, int> { ["http"] = ImageDefinition.HttpPort };
            if (shop.Image == ShopContainer.SiloImage)
            {
                expected["silo"] = config.SiloPort;
                expected["orleans-gateway"] = config.OrleansGatewayPort;
            }
            else
            {
                expected["grpc"] = config.GrpcPort;
            }

            var declared = (shop.Container.Ports ?? []).ToDictionary(p => p.Name ?? "", p => p.ContainerPort);
            foreach (var (name, port) in expected)
            {
                failures.Check(declared.TryGetValue(name, out var actual) && actual == port,
                    shop.Where, $"ports[{name}].containerPort", $"is {(declared.TryGetValue(name, out var a) ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing")}, the host listens on {port}");
            }

            foreach (var (name, port) in declared)
            {
                failures.Check(ImageDefinition.PortsOf(shop.Image).Contains(port),
                    shop.Where, $"ports[{name}]", $"{port} is not a port the {shop.Image} image exposes (deploy/docker/Containers.targets)");
            }

            foreach (var (probeName, probe) in Probes(shop.Container))
            {
                var port = probe.HttpGet?.Port?.Value;
                failures.Check(port == "http" || port == ImageDefinition.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    shop.Where, $"{probeName}.httpGet.port", $"is {port}, not the HTTP port");
                var expectedPath = probeName == "readinessProbe" ? ProbePaths.Readiness : ProbePaths.Liveness;
                failures.Check(probe.HttpGet?.Path == expectedPath,
                    shop.Where, $"{probeName}.httpGet.path", $"is {probe.HttpGet?.Path}, expected {expectedPath}");
            }

            failures.Check(Probes(shop.Container).Count() == 3, shop.Where, "startupProbe/livenessProbe/readinessProbe", "all three are required");
        }

        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Every_environment_variable_is_a_setting_the_hosts_read(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);

        foreach (var shop in rendered.ShopContainers())
        {
            foreach (var variable in shop.Container.Env ?? [])
            {
                failures.Check(HostSettings.Shop.Reads(variable.Name), shop.Where, $"env[{variable.Name}]", "is no setting the hosts read");
            }

            foreach (var reference in (shop.Container.EnvFrom ?? []).Where(e => e.ConfigMapRef is not null))
            {
                foreach (var key in rendered.ConfigMap(reference.ConfigMapRef.Name)?.Data?.Keys ?? [])
                {
                    failures.Check(HostSettings.Shop.Reads((reference.Prefix ?? "") + key),
                        $"ConfigMap/{reference.ConfigMapRef.Name}", $"data.{key}", $"is no setting the hosts read (used by {shop.Where})");
                }
            }
        }

        foreach (var template in SecretTemplates.Files())
        {
            foreach (var key in SecretTemplates.Keys(template))
            {
                failures.Check(HostSettings.Shop.Reads(key), Path.GetRelativePath(RepositoryPaths.Root, template), key, "is no setting the hosts read");
            }
        }

        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Silos_advertise_their_pod_IP_through_the_Kubernetes_hosting_package(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);
        var silos = rendered.ShopContainers().Where(c => c.IsHost && c.Image == ShopContainer.SiloImage).ToList();
        Assert.NotEmpty(silos);

        foreach (var silo in silos)
        {
            var env = (silo.Container.Env ?? []).ToDictionary(e => e.Name);
            var downward = new Dictionary<string, string>
            {
                [KubernetesHostingOptions.PodIPEnvironmentVariable] = "status.podIP",
                [KubernetesHostingOptions.PodNameEnvironmentVariable] = "metadata.name",
                [KubernetesHostingOptions.PodNamespaceEnvironmentVariable] = "metadata.namespace",
            };
            foreach (var (name, field) in downward)
            {
                failures.Check(env.TryGetValue(name, out var variable) && variable.ValueFrom?.FieldRef?.FieldPath == field,
                    silo.Where, $"env[{name}].valueFrom.fieldRef.fieldPath", $"must be {field} (the downward API)");
            }

            var config = ShopConfig.Of(rendered, silo.Container);
            failures.Check(string.Equals(config["Shop__Orleans__Kubernetes"], "true", StringComparison.OrdinalIgnoreCase),
                silo.Where, "env[Shop__Orleans__Kubernetes]", "must be true, or the silo never uses the hosting package");
            var labels = silo.Pod.Metadata.Labels;
            failures.Check(labels.TryGetValue(KubernetesHostingOptions.ServiceIdLabel, out var serviceId) && serviceId == config.ServiceId,
                silo.Owner, $"spec.template.metadata.labels[{KubernetesHostingOptions.ServiceIdLabel}]", $"must equal Shop__Orleans__ServiceId ({config.ServiceId})");
            failures.Check(labels.TryGetValue(KubernetesHostingOptions.ClusterIdLabel, out var clusterId) && clusterId == config.ClusterId,
                silo.Owner, $"spec.template.metadata.labels[{KubernetesHostingOptions.ClusterIdLabel}]", $"must equal Shop__Orleans__ClusterId ({config.ClusterId})");
        }

        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task The_silo_s_role_grants_every_call_of_the_hosting_package_and_nothing_more(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);
        var required = HostingPackageCalls.Required
            // The package deletes pods only with DeleteDefunctSiloPods, which Shop leaves at its default (off).
            .Where(call => call.Verb != "delete" || new KubernetesHostingOptions().DeleteDefunctSiloPods)
            .ToHashSet();
        Assert.Contains(("watch", "pods"), required);

        foreach (var silo in rendered.ShopContainers().Where(c => c.IsHost && c.Image == ShopContainer.SiloImage))
        {
            var account = silo.Pod.Spec.ServiceAccountName;
            var granted = (from binding in rendered.All<V1RoleBinding>()
                           where binding.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == account)
                           from role in rendered.All<V1Role>().Where(r => r.Metadata.Name == binding.RoleRef.Name)
                           from rule in role.Rules
                           where rule.ApiGroups.Contains("")
                           from resource in rule.Resources
                           from verb in rule.Verbs
                           select (verb, resource)).ToHashSet();
            foreach (var call in required)
            {
                failures.Check(granted.Contains(call), silo.Owner, $"serviceAccount {account} RBAC",
                    $"lacks {call.Verb} on {call.Resource}, which Microsoft.Orleans.Hosting.Kubernetes calls");
            }

            foreach (var extra in granted.Except(required))
            {
                failures.Check(false, silo.Owner, $"serviceAccount {account} RBAC", $"grants {extra.Item1} on {extra.Item2}, which nothing calls");
            }

            failures.Check(silo.Pod.Spec.AutomountServiceAccountToken != false, silo.Owner, "spec.template.spec.automountServiceAccountToken",
                "must not be false: the hosting package uses the pod's token");
        }

        foreach (var other in rendered.PodTemplates().Where(t => t.Template.Spec.ServiceAccountName != "shop-silo"))
        {
            failures.Check(!rendered.All<V1RoleBinding>().Any(b => b.Subjects.Any(s => s.Name == (other.Template.Spec.ServiceAccountName ?? "default"))),
                other.Owner, "spec.template.spec.serviceAccountName", "is bound to a Role, but only silos call the API server");
        }

        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task No_secret_value_is_in_the_repository(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);

        foreach (var secret in rendered.All<V1Secret>())
        {
            failures.Check((secret.Data?.Count ?? 0) == 0 && (secret.StringData?.Count ?? 0) == 0,
                $"Secret/{secret.Metadata.Name}", "data/stringData", "holds values; Secrets are created by the operator");
        }

        foreach (var map in rendered.All<V1ConfigMap>())
        {
            foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
            {
                failures.Check(!SecretTemplates.IsSecret(key, value), $"ConfigMap/{map.Metadata.Name}", $"data.{key}", "is a secret; it belongs in shop-secrets");
            }
        }

        foreach (var (owner, template) in rendered.PodTemplates())
        {
            foreach (var variable in template.Spec.Containers.SelectMany(c => c.Env ?? []).Where(e => e.Value is not null))
            {
                failures.Check(!SecretTemplates.IsSecret(variable.Name, variable.Value), owner, $"env[{variable.Name}].value", "is a secret; it belongs in shop-secrets");
            }
        }

        foreach (var template in SecretTemplates.Files())
        {
            foreach (var (key, value) in SecretTemplates.Entries(template))
            {
                failures.Check(value.Length == 0, Path.GetRelativePath(RepositoryPaths.Root, template), key, "has a value; the template lists keys only");
            }
        }

        failures.ThrowIfAny();
    }

    private static IEnumerable<(string Name, V1Probe Probe)> Probes(V1Container container) =>
        new[] { ("startupProbe", container.StartupProbe), ("livenessProbe", container.LivenessProbe), ("readinessProbe", container.ReadinessProbe) }
            .Where(p => p.Item2 is not null)
            .Select(p => (p.Item1, p.Item2!));

    private static bool Matches(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null
        && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static bool IsEmpty(V1LabelSelector selector) =>
        (selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0;

    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        !IsEmpty(selector)
        && (selector.MatchLabels ?? new Dictionary<string, string>()).All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var value) && e.Values.Contains(value),
            "NotIn" => !labels.TryGetValue(e.Key, out var value) || !e.Values.Contains(value),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => false,
        });
}
