namespace Shop.Integration.Tests.Probes;

/// <summary>A test grain that registers a durable reminder and remembers, in its own state, that it fired.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers a reminder that first fires after <paramref name="dueTime"/>.</summary>
    Task Arm(TimeSpan dueTime);

    /// <summary>How many times the reminder fired (persisted).</summary>
    Task<int> FiredCount();

    /// <summary>Stores a value in the grain's persisted state.</summary>
    Task Remember(string value);

    /// <summary>The persisted value.</summary>
    Task<string?> Recall();
}
