using System.Globalization;
using System.Text;
using Shop.Grains.Notifications;

namespace Shop.Integrations.SendGrid;

/// <summary>
/// Writes an <see cref="EmailMessage"/> as an RFC 5322 message: multipart/alternative with a text and an HTML part,
/// base64 bodies, RFC 2047 encoded subject, CRLF line ends. Header values with line breaks are refused.
/// </summary>
public static class MimeMessageFormatter
{
    /// <summary>Formats the message.</summary>
    public static string Format(EmailMessage message, string from, string fromName, DateTimeOffset date, Guid messageId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var boundary = $"=_shop_{messageId:N}";
        var domain = from[(from.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var text = new StringBuilder();
        Header(text, "From", $"{EncodeWord(fromName)} <{SafeHeader(from)}>");
        Header(text, "To", $"<{SafeHeader(message.To)}>");
        Header(text, "Subject", EncodeWord(message.Subject));
        Header(text, "Date", date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(text, "Message-ID", $"<{messageId:N}@{SafeHeader(domain)}>");
        Header(text, "MIME-Version", "1.0");
        Header(text, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        text.Append("\r\n");
        Part(text, boundary, "text/plain", message.TextBody);
        Part(text, boundary, "text/html", message.HtmlBody);
        text.Append(CultureInfo.InvariantCulture, $"--{boundary}--\r\n");
        return text.ToString();
    }

    private static void Header(StringBuilder text, string name, string value) =>
        text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");

    private static void Part(StringBuilder text, string boundary, string mediaType, string body)
    {
        text.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\n");
        Header(text, "Content-Type", $"{mediaType}; charset=utf-8");
        Header(text, "Content-Transfer-Encoding", "base64");
        text.Append("\r\n");
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body ?? ""));
        for (var i = 0; i < encoded.Length; i += 76)
        {
            text.Append(encoded, i, Math.Min(76, encoded.Length - i)).Append("\r\n");
        }
    }

    private static string SafeHeader(string value) =>
        value.Any(c => c is '\r' or '\n' or '<' or '>') || value.Any(char.IsControl)
            ? throw new ArgumentException("A header value must not contain line breaks, control characters or angle brackets.", nameof(value))
            : value;

    private static string EncodeWord(string value) =>
        value.Any(char.IsControl)
            ? throw new ArgumentException("A header value must not contain line breaks or control characters.", nameof(value))
            : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";
}
