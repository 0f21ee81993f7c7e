namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// Recognises an exception of a dependency (a storage server, a broker) that is down, from a host that has that
/// dependency's client library loaded; the silo registers one for its storage clients.
/// </summary>
public interface IDependencyOutageClassifier
{
    /// <summary>True when <paramref name="exception"/> itself (not its inner exceptions) says the dependency is down.</summary>
    bool IsOutage(Exception exception);
}
