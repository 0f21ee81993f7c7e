using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Grains;
using Shop.Grains.Notifications;

namespace Shop.Integrations.SendGrid;

/// <summary>
/// The development e-mail sender: writes each message as an .eml file into <see cref="EmailOptions.PickupFolder"/>
/// (written to a temporary file first and moved into place, so readers never see half a message).
/// </summary>
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, [FromKeyedServices(ShopClock.Key)] TimeProvider clock) : IEmailSender
{
    /// <inheritdoc />
    public async Task Send(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.PickupFolder);
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var content = MimeMessageFormatter.Format(message, settings.From, settings.FromName, now, id);
        var name = $"{now.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{id:N}";
        var temporary = Path.Combine(folder, name + ".tmp");
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Move(temporary, Path.Combine(folder, name + ".eml"));
    }
}
