using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using Shop.Common;
using Shop.Grains.Orders;
using Shop.Notifications;
using Shop.Orders.Events;
using Shop.Users;

namespace Shop.Grains.Notifications;

/// <summary>
/// The e-mails about one order or one user (key = order id or user id), rendered from the templates and sent once per
/// event. Everything an e-mail needs travels in the events (the recipient and the order in OrderConfirmed, the
/// recipient in OrderCancelled), so it calls no other grain. The sent event ids are written after the send succeeded;
/// a failing send is retried by redelivery and given up after <see cref="MaxAttempts"/> attempts (at once when the
/// e-mail service refuses it for good), so it never blocks the saga. The cancellation waits for the payment's answer
/// (voided, refunded, or refund pending), which the payment gives at once, so the e-mail can say what happened to the money.
/// </summary>
[ImplicitStreamSubscription(StreamNames.OrderNamespace)]
[ImplicitStreamSubscription(StreamNames.UserNamespace)]
public sealed class NotificationGrain(
    [PersistentState("state", StorageNames.Notifications)] IPersistentState<NotificationState> state,
    IEmailSender sender,
    IEmailRenderer renderer,
    ISagaEventPublisher publisher,
    SagaEventFactory events,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock,
    SagaMetrics metrics,
    ILogger<NotificationGrain> logger)
    : SagaParticipantGrain(publisher, events, logger), INotificationGrain, IAsyncObserver<UserRegistered>
{
    /// <summary>Attempts per e-mail before it is given up.</summary>
    public const int MaxAttempts = 3;

    private NotificationState S => state.State;

    /// <inheritdoc />
    protected override SagaOutbox Outbox => S.Saga;

    /// <inheritdoc />
    public Task<IReadOnlyList<SentNotification>> GetSent() => Task.FromResult<IReadOnlyList<SentNotification>>([.. S.Sent]);

    /// <inheritdoc />
    public override Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        return handleFactory.StreamId.GetNamespace() == StreamNames.UserNamespace
            ? handleFactory.Create<UserRegistered>().ResumeAsync(this)
            : base.OnSubscribed(handleFactory);
    }

    /// <inheritdoc />
    public Task OnNextAsync(UserRegistered item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Step(item.EventId, () => Deliver(item.EventId, EmailTemplates.Welcome, new(item.Email, EmailTemplates.WelcomeModel(item.Name, item.Email))));
    }

    /// <inheritdoc />
    protected override Task<bool> Handle(OrderEvent orderEvent) => orderEvent switch
    {
        OrderConfirmed confirmed => Deliver(
            confirmed.EventId,
            EmailTemplates.OrderConfirmed,
            confirmed is { Recipient: { } to, Order: { } order } ? new Composed(to.Email, EmailTemplates.OrderConfirmedModel(to.Name, order)) : null),
        ConfirmationResent resent => Deliver(
            resent.EventId,
            EmailTemplates.OrderConfirmed,
            resent.Recipient is { } to ? new Composed(to.Email, EmailTemplates.OrderConfirmedModel(to.Name, resent.Order)) : null),
        OrderCancelled cancelled => Cancelled(cancelled),
        PaymentVoided or PaymentRefunded or RefundPending => PaymentAnswered(orderEvent),
        _ => Task.FromResult(false),
    };

    /// <inheritdoc />
    protected override Task WriteStateAsync() => state.WriteStateAsync();

    /// <summary>Sends the cancellation once the payment answered it; until then the cancellation waits in the state.</summary>
    private Task<bool> Cancelled(OrderCancelled cancelled)
    {
        if (S.AwaitingPayment is not null)
        {
            return Task.FromResult(false);
        }

        if (S.PaymentAnswer is { } answer)
        {
            return SendCancellation(cancelled, answer);
        }

        S.AwaitingPayment = cancelled;
        return Task.FromResult(true);
    }

    private Task<bool> PaymentAnswered(OrderEvent answer)
    {
        if (S.AwaitingPayment is { } cancelled)
        {
            return SendCancellation(cancelled, answer);
        }

        S.PaymentAnswer = answer;
        return Task.FromResult(true);
    }

    /// <summary>A pending refund is named as on its way: the provider refused it so far and the payment keeps retrying it.</summary>
    private async Task<bool> SendCancellation(OrderCancelled cancelled, OrderEvent answer)
    {
        var (refund, pending) = answer switch
        {
            PaymentRefunded made => (made.Amount, false),
            RefundPending retried => (retried.Amount, true),
            _ => ((Money?)null, false),
        };
        var composed = cancelled.Recipient is { } to
            ? new Composed(to.Email, EmailTemplates.OrderCancelledModel(to.Name, cancelled.OrderId, cancelled.Reason, refund, pending))
            : null;
        await Deliver(cancelled.EventId, EmailTemplates.OrderCancelled, composed);
        S.AwaitingPayment = null;
        return true;
    }

    /// <summary>Sends one e-mail (null: nobody to tell) and records it; returns whether the state changed.</summary>
    private async Task<bool> Deliver(Guid eventId, string template, Composed? composed)
    {
        if (S.Abandoned.Contains(eventId) || S.Sent.Exists(s => s.EventId == eventId))
        {
            return false;
        }

        EmailMessage? message = null;
        try
        {
            if (composed is not null)
            {
                message = renderer.Render(template, composed.To, composed.Model);
                await sender.Send(message);
            }
        }
        catch (EmailRejectedException ex)
        {
            logger.LogError(ex, "Sending {Template} for event {EventId} was refused by the e-mail service; giving up.", template, eventId);
            metrics.EmailUndelivered(template);
            message = null;
        }
        catch (Exception ex) when (ex is not ShopException)
        {
            var attempts = S.Attempts.GetValueOrDefault(eventId) + 1;
            S.Attempts[eventId] = attempts;
            if (attempts < MaxAttempts)
            {
                logger.LogWarning(ex, "Sending {Template} for event {EventId} failed (attempt {Attempt}); it will be retried.", template, eventId, attempts);
                await state.WriteStateAsync();
                throw;
            }

            logger.LogError(ex, "Sending {Template} for event {EventId} failed {Attempts} times; giving up.", template, eventId, attempts);
            metrics.EmailUndelivered(template);
            message = null;
        }

        S.Attempts.Remove(eventId);
        if (message is null)
        {
            logger.LogInformation("No {Template} e-mail for event {EventId}: nobody to send it to, or given up.", template, eventId);
            S.Abandoned.Add(eventId);
        }
        else
        {
            S.Sent.Add(new SentNotification { EventId = eventId, Template = template, To = message.To, Subject = message.Subject, SentAt = clock.GetUtcNow() });
        }

        return true;
    }

    /// <summary>Who gets an e-mail and the model of its template.</summary>
    private sealed record Composed(string To, IReadOnlyDictionary<string, object?> Model);
}
