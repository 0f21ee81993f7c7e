using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using Shop.Orders.Events;

namespace Shop.Grains.Orders;

/// <summary>
/// Base of the grains that follow the order saga as implicit subscribers of the order stream (key = order id), and
/// the one place of the saga step: publish what an earlier step left in the outbox, skip an event handled before,
/// act, write the state (with the handled id and the events to emit) and publish the outbox. Subclasses carry
/// <c>[ImplicitStreamSubscription(StreamNames.OrderNamespace)]</c>, keep a <see cref="SagaOutbox"/> in their state
/// and say in <see cref="Handle"/> whether an event changed it; commands and reminders run through <see cref="Step"/> too.
/// </summary>
public abstract class SagaParticipantGrain(ISagaEventPublisher publisher, SagaEventFactory events, ILogger logger)
    : Grain, IStreamSubscriptionObserver, IAsyncObserver<OrderEvent>
{
    // The handles this activation registered: stopping one then needs no read of the reminder table first.
    private readonly Dictionary<string, IGrainReminder> registered = new(StringComparer.Ordinal);

    /// <summary>The order this participant follows (the grain key).</summary>
    protected Guid OrderId => this.GetPrimaryKey();

    /// <summary>The saga bookkeeping persisted in the subclass's state.</summary>
    protected abstract SagaOutbox Outbox { get; }

    /// <inheritdoc />
    public virtual Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        return handleFactory.Create<OrderEvent>().ResumeAsync(this);
    }

    /// <inheritdoc />
    public async Task OnNextAsync(OrderEvent item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var span = SagaTracing.StartHandle(item, GetType().Name);
        await Step(item.EventId, () => Handle(item));
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex)
    {
        logger.LogError(ex, "The saga stream of {Grain} reported an error; events may be redelivered or missed.", this.GetGrainId());
        return Task.CompletedTask;
    }

    /// <summary>Handles one saga event (never a duplicate); returns whether the state changed and must be written.</summary>
    protected abstract Task<bool> Handle(OrderEvent orderEvent);

    /// <summary>Writes the subclass's state.</summary>
    protected abstract Task WriteStateAsync();

    /// <summary>Runs after a step wrote its state and published its events.</summary>
    protected virtual Task AfterStep() => Task.CompletedTask;

    /// <summary>
    /// One saga step: flush, skip a handled <paramref name="eventId"/>, <paramref name="act"/>, and when it changed the
    /// state, write it (marking the event handled) and publish what it emitted. A null id is a command or a reminder.
    /// </summary>
    protected async Task Step(Guid? eventId, Func<Task<bool>> act)
    {
        ArgumentNullException.ThrowIfNull(act);
        await Outbox.Flush(publisher);
        if (eventId is { } seen && Outbox.WasHandled(seen))
        {
            return;
        }

        if (!await act())
        {
            return;
        }

        if (eventId is { } handled)
        {
            Outbox.MarkHandled(handled);
        }

        await WriteStateAsync();
        await Outbox.Flush(publisher);
        await AfterStep();
    }

    /// <summary>Queues an event of this order, stamped by the event factory, to publish after the step's write; returns it as stamped.</summary>
    protected OrderEvent Emit(OrderEvent orderEvent)
    {
        var stamped = events.Stamp(orderEvent, OrderId);
        Outbox.Emit(stamped);
        return stamped;
    }

    /// <summary>
    /// Queues an event emitted before, with its original id, to publish again after the step's write: participants
    /// that handled it skip it as a duplicate, one that never received it (lost with a crashed silo) acts on it.
    /// </summary>
    protected void Republish(OrderEvent stamped) => Outbox.Emit(stamped);

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
