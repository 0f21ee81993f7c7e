using System.ComponentModel.DataAnnotations;

namespace Shop.Silo.Lifecycle;

/// <summary>How long a silo may take to leave the cluster after SIGTERM (<c>Shop:Orleans:ShutdownTimeout</c>).</summary>
public sealed class SiloShutdownOptions
{
    /// <summary>Configuration section (the setting sits beside the cluster identity).</summary>
    public const string Section = "Shop:Orleans";

    /// <summary>
    /// The host's shutdown timeout: the silo marks itself ShuttingDown, hands its grains and reminders over and writes
    /// itself Dead within it. Kubernetes sends SIGKILL after <c>terminationGracePeriodSeconds</c> (35 s in deploy/k8s),
    /// so the default (the framework's own, 30 s) leaves 5 s of that for the process to exit. Set it explicitly so that a
    /// manifest with another grace period can say so in one place.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
