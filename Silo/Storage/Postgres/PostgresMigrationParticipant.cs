namespace Shop.Silo.Storage.Postgres;

/// <summary>
/// Runs the <see cref="PostgresMigrator"/> at the very first stage of the silo lifecycle, before the ADO.NET
/// clustering, storage and reminder providers read their queries from <c>OrleansQuery</c>.
/// </summary>
internal sealed class PostgresMigrationParticipant(PostgresMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresMigrationParticipant), ServiceLifecycleStage.First, Migrate);

    private async Task Migrate(CancellationToken cancellationToken) =>
        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
}
