using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Silo.Lifecycle;

/// <summary>Applies <see cref="ShopMembershipOptions"/> to Orleans' membership, and the silo's shutdown timeout.</summary>
public static class MembershipWiring
{
    /// <summary>Binds <c>Shop:Orleans:Membership</c> (validated at start) and maps it onto <see cref="ClusterMembershipOptions"/>.</summary>
    public static ISiloBuilder AddShopMembership(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddShopOptions<ShopMembershipOptions>(ShopMembershipOptions.Section);
        silo.Services.AddSingleton<IValidateOptions<ShopMembershipOptions>, ShopMembershipOptionsValidator>();
        silo.Services.AddOptions<ClusterMembershipOptions>()
            .Configure<IOptions<ShopMembershipOptions>>((orleans, shop) => Apply(shop.Value, orleans));
        silo.Services.AddShopOptions<SiloShutdownOptions>(SiloShutdownOptions.Section);
        silo.Services.AddOptions<HostOptions>()
            .Configure<IOptions<SiloShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.ShutdownTimeout);
        return silo;
    }

    /// <summary>
    /// Adds <see cref="JoiningHeartbeat"/>, for clustering on a shared membership table (where rows of crashed silos
    /// outlive them).
    /// </summary>
    public static ISiloBuilder AddJoiningHeartbeat(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<JoiningHeartbeat>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<JoiningHeartbeat>());
        return silo;
    }

    /// <summary>Copies the Shop settings onto Orleans' options.</summary>
    public static void Apply(ShopMembershipOptions shop, ClusterMembershipOptions orleans)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(orleans);
        orleans.ProbeTimeout = shop.ProbeTimeout;
        orleans.NumMissedProbesLimit = shop.NumMissedProbesLimit;
        orleans.NumVotesForDeathDeclaration = shop.NumVotesForDeathDeclaration;
        orleans.IAmAliveTablePublishTimeout = shop.IAmAlivePeriod;
        orleans.NumMissedTableIAmAliveLimit = shop.NumMissedTableIAmAliveLimit;
        orleans.TableRefreshTimeout = shop.TableRefreshPeriod;
        orleans.MaxJoinAttemptTime = shop.MaxJoinAttemptTime;
        orleans.DefunctSiloExpiration = shop.DefunctSiloExpiration;
        orleans.DefunctSiloCleanupPeriod = shop.DefunctSiloCleanupPeriod;
        orleans.EnableIndirectProbes = shop.EnableIndirectProbes;
        orleans.ExtendProbeTimeoutDuringDegradation = shop.ExtendProbeTimeoutDuringDegradation;
    }
}
