namespace Shop.ServiceDefaults.Telemetry;

/// <summary>The names under which Orleans 10 publishes its spans and instruments (Orleans.Diagnostics.ActivitySources).</summary>
public static class OrleansTelemetry
{
    /// <summary>Grain calls made by application code (each call's client and server span).</summary>
    public const string ApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Calls the runtime makes (stream delivery, directory, membership); most of them are not part of a request.</summary>
    public const string RuntimeSource = "Microsoft.Orleans.Runtime";

    /// <summary>Grain state reads and writes.</summary>
    public const string StorageSource = "Microsoft.Orleans.Storage";

    /// <summary>Activation, placement and deactivation.</summary>
    public const string LifecycleSource = "Microsoft.Orleans.Lifecycle";

    /// <summary>The Orleans meter (client, and in a silo also grains, messaging, streams).</summary>
    public const string Meter = "Microsoft.Orleans";
}
