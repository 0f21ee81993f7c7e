using System.Text;
using Shop.Grains.Notifications;
using Shop.Integrations.SendGrid;

namespace Shop.Grains.Tests.Unit;

public sealed class MimeMessageFormatterTests
{
    private static readonly EmailMessage Message = new()
    {
        To = "ada@example.com",
        Subject = "Bestellung bestätigt",
        TextBody = "Hallo Ada",
        HtmlBody = "<p>Hallo Ada</p>",
    };

    private static string Format(EmailMessage message) =>
        MimeMessageFormatter.Format(message, "no-reply@shop.local", "Shop", new DateTimeOffset(2026, 11, 26, 1, 2, 3, TimeSpan.Zero), Guid.Empty);

    [Fact]
    public void The_message_has_rfc_5322_headers_and_crlf_line_ends()
    {
        var text = Format(Message);

        Assert.StartsWith("From: =?utf-8?B?", text, StringComparison.Ordinal);
        Assert.Contains("\r\nTo: <ada@example.com>\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDate: Thu, 26 Nov 2026 01:02:03 +0000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nMIME-Version: 1.0\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_subject_is_encoded_so_non_ascii_survives()
    {
        var text = Format(Message);

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("Bestellung bestätigt"));
        Assert.Contains($"Subject: =?utf-8?B?{encoded}?=", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_is_multipart_alternative_with_text_and_html_parts()
    {
        var text = Format(Message);

        Assert.Contains("Content-Type: multipart/alternative;", text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/plain; charset=utf-8", text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/html; charset=utf-8", text, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>Hallo Ada</p>")), text, StringComparison.Ordinal);
        Assert.EndsWith("--\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recipient_with_a_line_break_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Format(Message with { To = "a@example.com\r\nBcc: evil@example.com" }));
    }
}
