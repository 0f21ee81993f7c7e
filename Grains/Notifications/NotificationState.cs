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

    /// <summary>A cancellation whose e-mail waits for the refund of a taken payment, so it can name the refund.</summary>
    [Id(3)] public OrderCancelled? AwaitingRefund { get; set; }
}
