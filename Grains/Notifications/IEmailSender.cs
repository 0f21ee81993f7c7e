namespace Shop.Grains.Notifications;

/// <summary>The port to an e-mail service (a pickup folder in development, SendGrid in production). Failures throw.</summary>
public interface IEmailSender
{
    /// <summary>Sends one e-mail.</summary>
    Task Send(EmailMessage message, CancellationToken cancellationToken = default);
}
