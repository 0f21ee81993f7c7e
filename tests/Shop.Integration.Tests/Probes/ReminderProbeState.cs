namespace Shop.Integration.Tests.Probes;

/// <summary>State of <see cref="ReminderProbeGrain"/>.</summary>
[GenerateSerializer]
public sealed class ReminderProbeState
{
    /// <summary>Times the reminder fired.</summary>
    [Id(0)]
    public int Fired { get; set; }

    /// <summary>A value written by the test.</summary>
    [Id(1)]
    public string? Value { get; set; }
}
