using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Shop.Silo.Storage.Health;

/// <summary>Readiness of PostgreSQL: a connection opens and answers <c>SELECT 1</c>.</summary>
public sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            // The description never carries the connection string; Npgsql's messages name host and port at most.
            return new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, "PostgreSQL does not answer.", ex);
        }
    }
}
