namespace Shop.Grains.Notifications;

/// <summary>
/// The e-mail service refused a message for good (a 4xx other than 429: bad address, bad key, too large): sending it
/// again cannot help, so the notification gives it up at once instead of retrying.
/// </summary>
public sealed class EmailRejectedException(string message, Exception? inner = null) : Exception(message, inner);
