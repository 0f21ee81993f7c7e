using System.ComponentModel.DataAnnotations;

namespace Shop.Silo.Lifecycle;

/// <summary>
/// How fast the cluster declares a silo dead and how a fresh silo joins (<c>Shop:Orleans:Membership</c>), mapped onto
/// Orleans' <c>ClusterMembershipOptions</c>. The defaults are tuned so a killed silo is evicted within seconds and a
/// silo started after every silo crashed gets past Orleans' join-time connectivity check; the README explains each.
/// </summary>
public sealed class ShopMembershipOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Orleans:Membership";

    /// <summary>
    /// Initial timeout of one liveness probe and the period between probes (Orleans adapts it between half and four
    /// times this value from measured round trips). Orleans' default: 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes in a row after which a silo votes its target dead. Orleans' default: 3.</summary>
    [Range(1, 10)]
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>
    /// Votes needed to declare a silo dead (Orleans lowers it to half the live silos in a small cluster). Orleans'
    /// default: 2.
    /// </summary>
    [Range(1, 10)]
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>
    /// How often each silo writes its heartbeat (IAmAlive) to the membership table. Orleans' default: 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Heartbeats a silo may miss before its row counts as stale: stale silos are probed by joining silos too and do not
    /// count towards the votes needed. Orleans' default: 3.
    /// </summary>
    [Range(2, 10)]
    public int NumMissedTableIAmAliveLimit { get; set; } = 2;

    /// <summary>How often every silo re-reads the whole membership table (gossip carries changes sooner). Orleans' default: 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a starting silo keeps trying to reach every silo the table calls active before it gives up and stops
    /// (its supervisor then starts it again). Orleans' default: 5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MaxJoinAttemptTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Age after which rows of dead silos are deleted from the table. Orleans' default: 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the oldest active silo deletes expired dead rows. Orleans' default: 1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan DefunctSiloCleanupPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Probe a silo through another silo before voting, so one broken link does not evict a healthy silo. Orleans' default: on.</summary>
    public bool EnableIndirectProbes { get; set; } = true;

    /// <summary>Lengthen probe timeouts while this silo itself is degraded (thread-pool or GC stalls). Orleans' default: on.</summary>
    public bool ExtendProbeTimeoutDuringDegradation { get; set; } = true;

    /// <summary>How long a row may go without a heartbeat before it is stale.</summary>
    public TimeSpan StaleAfter => IAmAlivePeriod * NumMissedTableIAmAliveLimit;

    /// <summary>About how long the silos take to vote out a silo that stopped answering.</summary>
    public TimeSpan DeathDetectionTime => ProbeTimeout * NumMissedProbesLimit;
}
