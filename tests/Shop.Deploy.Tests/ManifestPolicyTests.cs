using k8s.Models;
using Microsoft.Extensions.Hosting;
using Shop.Deploy.Tests.Infrastructure;

namespace Shop.Deploy.Tests;

/// <summary>
/// What an operator of a production Orleans cluster expects of the workloads: safe rollouts and shutdowns,
/// disruption budgets, spreading, memory limits without CPU limits, restricted pods, closed network policies,
/// autoscaled gateways and hand-scaled silos, and a migration Job.
/// </summary>
public sealed class ManifestPolicyTests
{
    private static readonly string[] ShopDeployments = ["shop-silo", "shop-gateway"];

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Rollouts_add_a_pod_before_taking_one_away(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);

        foreach (var deployment in rendered.All<V1Deployment>())
        {
            var strategy = deployment.Spec.Strategy;
            failures.Check(strategy?.Type == "RollingUpdate", $"Deployment/{deployment.Metadata.Name}", "spec.strategy.type", "must be RollingUpdate");
            failures.Check(strategy?.RollingUpdate?.MaxUnavailable?.Value == "0", $"Deployment/{deployment.Metadata.Name}",
                "spec.strategy.rollingUpdate.maxUnavailable", $"is {strategy?.RollingUpdate?.MaxUnavailable?.Value ?? "unset"}, expected 0");
        }

        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task The_termination_grace_period_covers_the_hosts_shutdown_timeout(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);
        // The silo's Shop:Orleans:ShutdownTimeout default (no manifest sets it); the gateway keeps the framework's.
        var shutdown = Math.Max(new Shop.Silo.Lifecycle.SiloShutdownOptions().ShutdownTimeout.TotalSeconds, new HostOptions().ShutdownTimeout.TotalSeconds);

        foreach (var name in ShopDeployments)
        {
            var grace = rendered.Deployment(name).Spec.Template.Spec.TerminationGracePeriodSeconds;
            failures.Check(grace >= shutdown && grace <= shutdown + 15, $"Deployment/{name}", "spec.template.spec.terminationGracePeriodSeconds",
                $"is {grace?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}; the host stops within {shutdown} s, so use {shutdown} to {shutdown + 15}");
        }

        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Silos_and_gateways_have_a_disruption_budget_and_spread_over_nodes_and_zones(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);

        foreach (var name in ShopDeployments)
        {
            var template = rendered.Deployment(name).Spec.Template;
            var budgets = rendered.All<V1PodDisruptionBudget>()
                .Where(b => b.Spec.Selector.MatchLabels?.All(l => template.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value) == true)
                .ToList();
            failures.Check(budgets.Count == 1, $"Deployment/{name}", "PodDisruptionBudget", $"{budgets.Count} budgets select its pods, expected 1");
            failures.Check(budgets.All(b => b.Spec.MaxUnavailable?.Value == "1" || b.Spec.MinAvailable is not null),
                $"PodDisruptionBudget of {name}", "spec.maxUnavailable", "must allow at most one pod down");

            var keys = (template.Spec.TopologySpreadConstraints ?? []).Select(t => t.TopologyKey).ToHashSet();
            failures.Check(keys.Contains("kubernetes.io/hostname") && keys.Contains("topology.kubernetes.io/zone"),
                $"Deployment/{name}", "spec.template.spec.topologySpreadConstraints", "must spread over kubernetes.io/hostname and topology.kubernetes.io/zone");
            foreach (var constraint in template.Spec.TopologySpreadConstraints ?? [])
            {
                failures.Check(constraint.LabelSelector?.MatchLabels?.All(l => template.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value) == true,
                    $"Deployment/{name}", $"topologySpreadConstraints[{constraint.TopologyKey}].labelSelector", "does not select the Deployment's own pods");
            }
        }

        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Every_container_has_requests_and_a_memory_limit_but_no_cpu_limit(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);

        foreach (var (owner, template) in rendered.PodTemplates())
        {
            foreach (var container in template.Spec.Containers)
            {
                var resources = container.Resources;
                var where = $"{owner} container {container.Name}";
                failures.Check(resources?.Requests?.ContainsKey("cpu") == true && resources.Requests.ContainsKey("memory"), where, "resources.requests", "needs cpu and memory");
                failures.Check(resources?.Limits?.ContainsKey("memory") == true, where, "resources.limits.memory", "is required");
                failures.Check(resources?.Limits?.ContainsKey("cpu") != true, where, "resources.limits.cpu", "must not be set: throttled silos miss membership pings");
            }
        }

        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Every_pod_runs_restricted(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);

        foreach (var (owner, template) in rendered.PodTemplates())
        {
            var pod = template.Spec.SecurityContext;
            foreach (var container in template.Spec.Containers)
            {
                var where = $"{owner} container {container.Name}";
                var context = container.SecurityContext;
                failures.Check((context?.RunAsNonRoot ?? pod?.RunAsNonRoot) == true, where, "securityContext.runAsNonRoot", "must be true");
                failures.Check(context?.AllowPrivilegeEscalation == false, where, "securityContext.allowPrivilegeEscalation", "must be false");
                failures.Check(context?.Capabilities?.Drop?.Contains("ALL") == true, where, "securityContext.capabilities.drop", "must drop ALL");
                failures.Check((context?.SeccompProfile ?? pod?.SeccompProfile)?.Type == "RuntimeDefault", where, "securityContext.seccompProfile.type", "must be RuntimeDefault");
                failures.Check(ShopContainer.ImageOf(container.Image) is null || context?.ReadOnlyRootFilesystem == true,
                    where, "securityContext.readOnlyRootFilesystem", "must be true for Shop's images");
            }
        }

        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Silos_let_in_only_silo_traffic_and_gateway_traffic(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);
        var silo = rendered.ShopContainers().First(c => c.IsHost && c.Image == ShopContainer.SiloImage);
        var config = ShopConfig.Of(rendered, silo.Container);
        var policies = rendered.All<V1NetworkPolicy>().ToList();

        failures.Check(policies.Any(p => (p.Spec.PodSelector.MatchLabels?.Count ?? 0) == 0 && (p.Spec.PodSelector.MatchExpressions?.Count ?? 0) == 0
                && p.Spec.PolicyTypes.Contains("Ingress") && (p.Spec.Ingress?.Count ?? 0) == 0),
            "NetworkPolicy", "spec", "no default-deny ingress policy (empty podSelector, no ingress rules)");

        var siloLabels = silo.Pod.Metadata.Labels;
        var allowed = (from policy in policies
                       where policy.Spec.PodSelector.MatchLabels?.Count > 0
                             && policy.Spec.PodSelector.MatchLabels.All(l => siloLabels.TryGetValue(l.Key, out var v) && v == l.Value)
                       from rule in policy.Spec.Ingress ?? []
                       from peer in rule.FromProperty ?? [new V1NetworkPolicyPeer()]
                       from port in rule.Ports ?? [new V1NetworkPolicyPort()]
                       select (From: PeerName(peer), Port: port.Port?.Value ?? "any")).ToHashSet();
        var expected = new HashSet<(string, string)>
        {
            (ShopContainer.SiloImage, config.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (ShopContainer.GatewayImage, config.OrleansGatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        failures.Check(allowed.SetEquals(expected), "NetworkPolicy selecting the silos", "spec.ingress",
            $"lets in {string.Join(", ", allowed.Select(a => $"{a.From}->{a.Port}"))}; expected exactly {string.Join(", ", expected.Select(e => $"{e.Item1}->{e.Item2}"))}");
        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Gateways_are_autoscaled_and_silos_are_scaled_by_hand(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);
        var autoscalers = rendered.All<V2HorizontalPodAutoscaler>().ToList();

        var gateway = autoscalers.Where(a => a.Spec.ScaleTargetRef.Name == "shop-gateway").ToList();
        failures.Check(gateway.Count == 1, "HorizontalPodAutoscaler", "spec.scaleTargetRef", "exactly one must scale Deployment/shop-gateway");
        failures.Check(gateway.All(a => a.Spec.MinReplicas >= 1 && a.Spec.MaxReplicas > a.Spec.MinReplicas
                && a.Spec.Metrics.Any(m => m.Resource?.Name == "cpu")),
            "HorizontalPodAutoscaler/shop-gateway", "spec", "needs minReplicas >= 1, maxReplicas above it and a cpu metric");
        failures.Check(autoscalers.All(a => a.Spec.ScaleTargetRef.Name != "shop-silo"), "HorizontalPodAutoscaler", "spec.scaleTargetRef",
            "silos are scaled by hand (kubectl scale deployment/shop-silo): every change rebalances grains");
        failures.Check(rendered.Deployment("shop-silo").Spec.Replicas >= 2, "Deployment/shop-silo", "spec.replicas", "a cluster needs at least 2 silos");
        failures.ThrowIfAny();
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task A_job_runs_the_silo_s_migrate_command_with_the_silos_settings(string overlay, string components)
    {
        var rendered = await Overlays.RenderAsync(overlay, components);
        var failures = new Failures(rendered.Name);
        var jobs = rendered.ShopContainers().Where(c => !c.IsHost).ToList();

        failures.Check(jobs.Count == 1, "Job", "spec.template.spec.containers", $"{jobs.Count} Jobs run a Shop image, expected the migration");
        foreach (var job in jobs)
        {
            failures.Check(job.Image == ShopContainer.SiloImage, job.Where, "image", "must be the silo image (it carries the migrations)");
            failures.Check(job.Container.Args is ["migrate"], job.Where, "args", "must be [migrate] (Silo/Program.cs)");
            failures.Check(job.Pod.Spec.RestartPolicy is "OnFailure" or "Never", job.Where, "spec.template.spec.restartPolicy", "must be OnFailure or Never");
            var silo = rendered.Deployment("shop-silo").Spec.Template.Spec.Containers[0];
            failures.Check(SameSources(job.Container.EnvFrom, silo.EnvFrom), job.Where, "envFrom", "must be the silos' (same database)");
        }

        failures.ThrowIfAny();
    }

    private static bool SameSources(IList<V1EnvFromSource>? left, IList<V1EnvFromSource>? right) =>
        (left ?? []).Select(e => e.ConfigMapRef?.Name + "|" + e.SecretRef?.Name).SequenceEqual((right ?? []).Select(e => e.ConfigMapRef?.Name + "|" + e.SecretRef?.Name));

    private static string PeerName(V1NetworkPolicyPeer peer) =>
        peer.PodSelector?.MatchLabels?.TryGetValue("app.kubernetes.io/name", out var name) == true ? name
        : peer.PodSelector is null && peer.NamespaceSelector is null && peer.IpBlock is null ? "anyone"
        : "other";
}
