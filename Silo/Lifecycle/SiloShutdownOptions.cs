using System.ComponentModel.DataAnnotations;

namespace Shop.Silo.Lifecycle;

/// <summary>How long a silo may take to leave the cluster after SIGTERM (<c>Shop:Orleans:ShutdownTimeout</c>).</summary>
public sealed class SiloShutdownOptions
{
    /// <summary>Configuration section (the setting sits beside the cluster identity).</summary>
    public const string Section = "Shop:Orleans";

    /// <summary>
    /// The host's shutdown timeout: the silo marks itself ShuttingDown, hands its grains and reminders over and writes
    /// itself Dead within it. Kubernetes sends SIGKILL after <c>terminationGracePeriodSeconds</c> (30 s by default),
    /// so the default leaves 5 s of that for the process to exit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);
}
