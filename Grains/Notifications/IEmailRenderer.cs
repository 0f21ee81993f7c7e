namespace Shop.Grains.Notifications;

/// <summary>
/// The port that turns a template name and its model into an e-mail (subject, text and HTML parts). The Liquid
/// renderer of Shop.Integrations.SendGrid implements it with templates the shop owner can edit.
/// </summary>
public interface IEmailRenderer
{
    /// <summary>Renders <paramref name="templateName"/> (see <see cref="EmailTemplates"/>) for <paramref name="recipient"/>.</summary>
    EmailMessage Render(string templateName, string recipient, IReadOnlyDictionary<string, object?> model);
}
