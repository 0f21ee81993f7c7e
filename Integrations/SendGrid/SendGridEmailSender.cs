using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Grains.Notifications;

namespace Shop.Integrations.SendGrid;

/// <summary>
/// Sends e-mails through SendGrid's v3 Mail Send API (<c>POST /v3/mail/send</c>, 202 Accepted): one personalization
/// per message, the text part before the HTML part as SendGrid requires. Transient failures are retried by the
/// HttpClient's resilience pipeline; what still fails throws (a refusal for good as <see cref="EmailRejectedException"/>).
/// Counts sent and failed e-mails in the meter <c>Shop.Integrations.SendGrid</c>.
/// </summary>
public sealed partial class SendGridEmailSender : IEmailSender
{
    /// <summary>The meter of this sender.</summary>
    public const string MeterName = "Shop.Integrations.SendGrid";

    private readonly IHttpClientFactory httpClients;
    private readonly IOptions<SendGridOptions> options;
    private readonly IOptions<EmailOptions> email;
    private readonly ILogger<SendGridEmailSender> logger;
    private readonly Counter<long> sent;
    private readonly Counter<long> failed;

    /// <summary>Creates the sender.</summary>
    public SendGridEmailSender(IHttpClientFactory httpClients, IOptions<SendGridOptions> options, IOptions<EmailOptions> email, IMeterFactory meters, ILogger<SendGridEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        this.httpClients = httpClients;
        this.options = options;
        this.email = email;
        this.logger = logger;
        var meter = meters.Create(MeterName);
        sent = meter.CreateCounter<long>("shop.email.sent", description: "E-mails SendGrid accepted.");
        failed = meter.CreateCounter<long>("shop.email.failed", description: "E-mails SendGrid did not accept (after retries), by kind: permanent or transient.");
    }

    /// <inheritdoc />
    public async Task Send(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var from = email.Value;
        var body = new SendGridMail(
            [new SendGridPersonalization([new SendGridAddress(message.To, null)])],
            new SendGridAddress(from.From, string.IsNullOrWhiteSpace(from.FromName) ? null : from.FromName),
            message.Subject,
            [new SendGridContent("text/plain", message.TextBody), new SendGridContent("text/html", message.HtmlBody)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.ApiBase), "/v3/mail/send"))
        {
            Content = JsonContent.Create(body, SendGridJson.Default.SendGridMail),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(SendGridHttp.ClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            failed.Add(1, new KeyValuePair<string, object?>("kind", "transient"));
            throw new HttpRequestException("SendGrid could not be reached.", ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                sent.Add(1);
                LogSent(logger, response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null);
                return;
            }

            var status = (int)response.StatusCode;
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            var permanent = status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests && response.StatusCode != HttpStatusCode.RequestTimeout;
            failed.Add(1, new KeyValuePair<string, object?>("kind", permanent ? "permanent" : "transient"), new KeyValuePair<string, object?>("status", status));
            LogFailed(logger, status, permanent, Truncate(detail));
            throw permanent
                ? new EmailRejectedException($"SendGrid refused the e-mail with {status}.")
                : new HttpRequestException($"SendGrid answered {status}.", null, response.StatusCode);
        }
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];

    [LoggerMessage(Level = LogLevel.Debug, Message = "SendGrid accepted an e-mail (message id {MessageId}).")]
    private static partial void LogSent(ILogger logger, string? messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid answered {Status} (permanent: {Permanent}): {Detail}")]
    private static partial void LogFailed(ILogger logger, int status, bool permanent, string detail);
}
