using Shop.ServiceDefaults.Errors;

namespace Shop.Silo.Storage;

/// <summary>Lets a host with a co-hosted silo (the gateway) recognise the storage clients' outage exceptions by type.</summary>
public sealed class StorageOutageClassifier : IDependencyOutageClassifier
{
    /// <inheritdoc />
    public bool IsOutage(Exception exception) => StorageOutage.IsOutage(exception);
}
