using Orleans.Serialization;
using Orleans.Storage;

namespace Shop.Grains.Tests.Support;

/// <summary>
/// A grain storage that measures each write as the bytes Orleans' serializer makes of the state (what the PostgreSQL
/// and Redis providers store) and passes every call to the real storage.
/// </summary>
public sealed class CountingGrainStorage(IGrainStorage inner, Serializer serializer, StorageMeter meter)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        meter.Writes.Enqueue((grainId, serializer.SerializeToArray(grainState.State).Length));
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
}
