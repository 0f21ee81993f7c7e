namespace Shop.Integration.Tests.Probes;

/// <summary>Keeps its state in the <c>orders</c> storage, which the tests put on PostgreSQL.</summary>
public sealed class ReminderProbeGrain(
    [PersistentState("probe", Shop.Common.StorageNames.Orders)] IPersistentState<ReminderProbeState> state)
    : Grain, IReminderProbeGrain, IRemindable
{
    private const string ReminderName = "probe";

    /// <inheritdoc />
    public async Task Arm(TimeSpan dueTime) =>
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, TimeSpan.FromMinutes(1));

    /// <inheritdoc />
    public Task<int> FiredCount() => Task.FromResult(state.State.Fired);

    /// <inheritdoc />
    public async Task Remember(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<string?> Recall() => Task.FromResult(state.State.Value);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Fired++;
        await state.WriteStateAsync();
    }
}
