using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using Shop.Orders.Events;

namespace Shop.Grains.Orders;

/// <summary>
/// Base of the grains that follow the order saga as implicit subscribers of the order stream (key = order id).
/// Subclasses carry <c>[ImplicitStreamSubscription(StreamNames.OrderNamespace)]</c> and handle each event.
/// </summary>
public abstract class SagaParticipantGrain : Grain, IStreamSubscriptionObserver, IAsyncObserver<OrderEvent>
{
    // The handles this activation registered: stopping one then needs no read of the reminder table first.
    private readonly Dictionary<string, IGrainReminder> registered = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public virtual Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        return handleFactory.Create<OrderEvent>().ResumeAsync(this);
    }

    /// <inheritdoc />
    public Task OnNextAsync(OrderEvent item, StreamSequenceToken? token = null) => Handle(item);

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    /// <summary>Handles one saga event; duplicates and events that no longer apply must be ignored.</summary>
    protected abstract Task Handle(OrderEvent orderEvent);

    /// <summary>
    /// Unregisters a reminder of this grain when it exists. A handle this activation registered is used as it is; a
    /// stale one (the row changed meanwhile) falls back to reading the reminder table, as does a new activation.
    /// </summary>
    protected async Task StopReminder(string name)
    {
        if (registered.Remove(name, out var known) && await TryUnregister(known))
        {
            return;
        }

        var reminder = await this.GetReminder(name);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// Registers a reminder due after <paramref name="dueTime"/>; its period is at least the smallest period Orleans
    /// accepts (<see cref="ReminderOptions.MinimumReminderPeriod"/>, a minute by default). The period matters after
    /// an outage: a reminder whose due time passed while the cluster was down fires at its next period tick.
    /// </summary>
    protected async Task StartReminder(string name, TimeSpan dueTime)
    {
        var minimum = ServiceProvider.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod;
        registered[name] = await this.RegisterOrUpdateReminder(name, dueTime, dueTime < minimum ? minimum : dueTime);
    }

    private async Task<bool> TryUnregister(IGrainReminder reminder)
    {
        try
        {
            await this.UnregisterReminder(reminder);
            return true;
        }
        catch (ReminderException)
        {
            return false;
        }
    }
}
