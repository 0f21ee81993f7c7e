using Shop.Grains.Orders;
using Shop.Notifications;
using Shop.Orders.Events;

namespace Shop.Grains.Notifications;

/// <summary>The persisted state of a notification grain.</summary>
[GenerateSerializer, Alias("shop.grains.notifications.NotificationState")]
public sealed class NotificationState
{
    /// <summary>What was sent, oldest first.</summary>
    [Id(0)] public List<SentNotification> Sent { get; set; } = [];

    /// <summary>Failed attempts per event not yet sent.</summary>
    [Id(1)] public Dictionary<Guid, int> Attempts { get; set; } = [];

    /// <summary>Events given up on (or with nobody to tell).</summary>
    [Id(2)] public HashSet<Guid> Abandoned { get; set; } = [];

    /// <summary>A cancellation whose e-mail waits for the payment's answer, so it can say what happened to the money.</summary>
    [Id(3)] public OrderCancelled? AwaitingPayment { get; set; }

    /// <summary>Handled saga event ids (the notification emits nothing).</summary>
    [Id(4)] public SagaOutbox Saga { get; set; } = new();

    /// <summary>The payment's answer to the cancellation (voided, refunded, refund pending) when it came first.</summary>
    [Id(5)] public OrderEvent? PaymentAnswer { get; set; }
}
