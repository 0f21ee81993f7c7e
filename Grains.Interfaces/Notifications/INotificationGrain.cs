namespace Shop.Notifications;

/// <summary>
/// The e-mails about one order or one user (key = order id or user id). An implicit subscriber of the order and
/// user streams; it sends each e-mail once per event.
/// </summary>
[Alias("shop.notifications.INotificationGrain")]
public interface INotificationGrain : IGrainWithGuidKey
{
    /// <summary>What was sent so far, oldest first.</summary>
    [Alias("GetSent")]
    Task<IReadOnlyList<SentNotification>> GetSent();
}
