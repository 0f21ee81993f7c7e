using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using Shop.Common;
using Shop.Grains.Orders;
using Shop.Notifications;
using Shop.Orders;
using Shop.Orders.Events;
using Shop.Payments;
using Shop.Users;

namespace Shop.Grains.Notifications;

/// <summary>
/// The e-mails about one order or one user (key = order id or user id), rendered from the templates and sent once per
/// event. The sent event ids are written after the send succeeded; a failing send is retried by redelivery and given
/// up after <see cref="MaxAttempts"/> attempts (at once when the e-mail service refuses it for good), so it never
/// blocks the saga. The cancellation of a paid order waits for its refund, so the e-mail can name it.
/// </summary>
[ImplicitStreamSubscription(StreamNames.OrderNamespace)]
[ImplicitStreamSubscription(StreamNames.UserNamespace)]
public sealed class NotificationGrain(
    [PersistentState("state", StorageNames.Notifications)] IPersistentState<NotificationState> state,
    IEmailSender sender,
    IEmailRenderer renderer,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock,
    ILogger<NotificationGrain> logger) : SagaParticipantGrain, INotificationGrain, IAsyncObserver<UserRegistered>
{
    /// <summary>Attempts per e-mail before it is given up.</summary>
    public const int MaxAttempts = 3;

    private NotificationState S => state.State;

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
        return Deliver(item.EventId, EmailTemplates.Welcome, () => Task.FromResult<Composed?>(new(item.Email, EmailTemplates.WelcomeModel(item.Name, item.Email))));
    }

    /// <inheritdoc />
    protected override Task Handle(OrderEvent orderEvent) => orderEvent switch
    {
        OrderConfirmed confirmed => Deliver(confirmed.EventId, EmailTemplates.OrderConfirmed, async () =>
        {
            var order = await GrainFactory.GetGrain<IOrderGrain>(confirmed.OrderId).GetOrder();
            var user = await GrainFactory.GetGrain<IUserGrain>(confirmed.UserId).GetProfile();
            return order is null || user is null ? null : new Composed(user.Email, EmailTemplates.OrderConfirmedModel(user.Name, order));
        }),
        OrderCancelled cancelled => Cancelled(cancelled),
        PaymentRefunded refunded when S.AwaitingRefund is { } waiting => SendCancellation(waiting, refunded.Amount),
        _ => Task.CompletedTask,
    };

    /// <summary>Sends the cancellation now, or, when a taken payment is still to be refunded, once the refund is made.</summary>
    private async Task Cancelled(OrderCancelled cancelled)
    {
        if (S.AwaitingRefund is not null || S.Abandoned.Contains(cancelled.EventId) || S.Sent.Exists(s => s.EventId == cancelled.EventId))
        {
            return;
        }

        var payment = await GrainFactory.GetGrain<IPaymentGrain>(cancelled.OrderId).GetPayment();
        if (payment?.Status == PaymentStatus.Succeeded)
        {
            S.AwaitingRefund = cancelled;
            await state.WriteStateAsync();
            return;
        }

        await SendCancellation(cancelled, payment?.Status == PaymentStatus.Refunded ? payment.Refunded : null);
    }

    private async Task SendCancellation(OrderCancelled cancelled, Money? refund)
    {
        await Deliver(cancelled.EventId, EmailTemplates.OrderCancelled, async () =>
        {
            var user = await GrainFactory.GetGrain<IUserGrain>(cancelled.UserId).GetProfile();
            return user is null ? null : new Composed(user.Email, EmailTemplates.OrderCancelledModel(user.Name, cancelled.OrderId, cancelled.Reason, refund));
        });
        if (S.AwaitingRefund is not null && (S.Sent.Exists(s => s.EventId == cancelled.EventId) || S.Abandoned.Contains(cancelled.EventId)))
        {
            S.AwaitingRefund = null;
            await state.WriteStateAsync();
        }
    }

    private async Task Deliver(Guid eventId, string template, Func<Task<Composed?>> compose)
    {
        if (S.Abandoned.Contains(eventId) || S.Sent.Exists(s => s.EventId == eventId))
        {
            return;
        }

        EmailMessage? message = null;
        try
        {
            if (await compose() is { } composed)
            {
                message = renderer.Render(template, composed.To, composed.Model);
                await sender.Send(message);
            }
        }
        catch (EmailRejectedException ex)
        {
            logger.LogError(ex, "Sending {Template} for event {EventId} was refused by the e-mail service; giving up.", template, eventId);
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

        await state.WriteStateAsync();
    }

    /// <summary>Who gets an e-mail and the model of its template.</summary>
    private sealed record Composed(string To, IReadOnlyDictionary<string, object?> Model);
}
