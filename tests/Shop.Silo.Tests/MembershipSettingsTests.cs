using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Shop.Silo.Lifecycle;
using Shop.Silo.Seeding;

namespace Shop.Silo.Tests;

public sealed class MembershipSettingsTests
{
    private static IServiceProvider Silo(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(
            settings.Prepend((Key: "Shop:Orleans:Clustering", Value: "Localhost")).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddShopSilo();
        return builder.Build().Services;
    }

    [Fact]
    public void The_defaults_declare_a_killed_silo_dead_in_seconds_and_let_a_fresh_silo_outwait_crashed_rows()
    {
        var orleans = Silo().GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(2), orleans.ProbeTimeout);
        Assert.Equal(3, orleans.NumMissedProbesLimit);
        Assert.Equal(TimeSpan.FromSeconds(5), orleans.IAmAliveTablePublishTimeout);
        Assert.Equal(2, orleans.NumMissedTableIAmAliveLimit);
        Assert.Equal(TimeSpan.FromHours(1), orleans.DefunctSiloExpiration);
        Assert.True(orleans.MaxJoinAttemptTime > orleans.IAmAliveTablePublishTimeout * orleans.NumMissedTableIAmAliveLimit
            + orleans.ProbeTimeout * (orleans.NumMissedProbesLimit + 1));
    }

    [Fact]
    public void Membership_settings_from_configuration_reach_orleans()
    {
        var services = Silo(("Shop:Orleans:Membership:ProbeTimeout", "00:00:01"), ("Shop:Orleans:Membership:NumVotesForDeathDeclaration", "3"),
            ("Shop:Orleans:Membership:EnableIndirectProbes", "false"));

        var orleans = services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(1), 3, false), (orleans.ProbeTimeout, orleans.NumVotesForDeathDeclaration, orleans.EnableIndirectProbes));
    }

    [Fact]
    public void A_join_time_too_short_to_outwait_crashed_silos_is_refused_naming_the_setting()
    {
        var services = Silo(("Shop:Orleans:Membership:MaxJoinAttemptTime", "00:00:12"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ShopMembershipOptions>>().Value);

        Assert.Contains("Shop:Orleans:Membership:MaxJoinAttemptTime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_death_votes_than_probing_silos_is_refused()
    {
        var result = new ShopMembershipOptionsValidator().Validate(null, new ShopMembershipOptions { NumVotesForDeathDeclaration = 11 });

        Assert.True(result.Failed);
        Assert.Contains("NumVotesForDeathDeclaration", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shutdown_timeout_setting_becomes_the_hosts_shutdown_timeout()
    {
        var services = Silo(("Shop:Orleans:ShutdownTimeout", "00:00:07"));

        Assert.Equal(TimeSpan.FromSeconds(7), services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void The_shutdown_timeout_defaults_to_30_seconds_inside_the_35_second_grace_period_of_the_manifests()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Silo().GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public async Task Readiness_waits_for_seeding_to_finish()
    {
        var progress = new SeedingProgress();
        var check = new SeedingHealthCheck(progress);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        progress.Finish();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Unhealthy, HealthStatus.Healthy), (before.Status, after.Status));
    }

    [Fact]
    public void The_silo_reports_seeding_on_readyz()
    {
        var registrations = Silo().GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        var seeding = Assert.Single(registrations, r => r.Name == SeedingHealthCheck.Name);
        Assert.Contains(Shop.ServiceDefaults.Health.HealthEndpoints.ReadyTag, seeding.Tags);
    }
}
