using Microsoft.Extensions.Options;
using Shop.Grains.Notifications;
using Shop.Integrations.SendGrid;

namespace Shop.Grains.Tests.Grains;

public sealed class PickupFolderEmailSenderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"shop-mail-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_sent_message_lands_as_one_complete_eml_file()
    {
        var sender = new PickupFolderEmailSender(Options.Create(new EmailOptions { PickupFolder = folder }), TimeProvider.System);

        await sender.Send(new EmailMessage { To = "ada@example.com", Subject = "Hi", TextBody = "Hello", HtmlBody = "<p>Hello</p>" });

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var content = await File.ReadAllTextAsync(file);
        Assert.Contains("To: <ada@example.com>\r\n", content, StringComparison.Ordinal);
        Assert.EndsWith("--\r\n", content, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
