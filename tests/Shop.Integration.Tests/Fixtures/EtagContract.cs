using Orleans.Storage;
using Shop.Integration.Tests.Probes;

namespace Shop.Integration.Tests.Fixtures;

/// <summary>The optimistic-concurrency contract every Orleans grain storage must keep, checked the same way per backend.</summary>
internal static class EtagContract
{
    private const string GrainType = "probe";

    /// <summary>
    /// Writes a state twice, then checks that a write with the first (stale) etag and a second first-write are both
    /// refused; returns the state as read back afterwards (value "two").
    /// </summary>
    public static async Task<GrainState<ReminderProbeState>> StaleWritesAreRefused(IGrainStorage storage, GrainId grainId)
    {
        var current = new GrainState<ReminderProbeState>(new ReminderProbeState { Value = "one" });
        await storage.WriteStateAsync(GrainType, grainId, current);
        var stale = new GrainState<ReminderProbeState>(new ReminderProbeState { Value = "stale" }) { ETag = current.ETag };
        current.State!.Value = "two";
        await storage.WriteStateAsync(GrainType, grainId, current);
        var secondFirstWrite = new GrainState<ReminderProbeState>(new ReminderProbeState { Value = "again" });

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(GrainType, grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(GrainType, grainId, secondFirstWrite));
        var read = new GrainState<ReminderProbeState>();
        await storage.ReadStateAsync(GrainType, grainId, read);
        Assert.Equal(("two", current.ETag), (read.State!.Value, read.ETag));
        return read;
    }
}
