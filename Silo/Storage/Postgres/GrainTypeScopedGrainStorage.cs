using Orleans.Storage;

namespace Shop.Silo.Storage.Postgres;

/// <summary>
/// Puts the grain type in front of the state name before calling the ADO.NET grain storage.
/// </summary>
/// <remarks>
/// Orleans' ADO.NET storage keys a row by service id, the name it is given (the state name, "state" in every Shop
/// grain) and the grain key <em>without</em> the grain type. So <c>product/LAMP-1</c> and <c>stockitem/LAMP-1</c>
/// would share one row and read each other's bytes (the saga scenarios failed exactly so). With the grain type in
/// the name (<c>stockitem/state</c>), every grain's state has a row of its own. Redis keys include the type already.
/// </remarks>
internal sealed class GrainTypeScopedGrainStorage(IGrainStorage rows) : IGrainStorage
{
    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        rows.ReadStateAsync(Scoped(stateName, grainId), grainId, grainState);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        rows.WriteStateAsync(Scoped(stateName, grainId), grainId, grainState);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        rows.ClearStateAsync(Scoped(stateName, grainId), grainId, grainState);

    private static string Scoped(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}";
}
