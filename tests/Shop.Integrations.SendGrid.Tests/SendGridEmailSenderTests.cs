using Microsoft.Extensions.Logging;
using Shop.Grains.Notifications;
using Shop.Integrations.SendGrid.Tests.Support;

namespace Shop.Integrations.SendGrid.Tests;

/// <summary>Every template sent through SendGrid's v3 Mail Send, against a local server playing SendGrid's API.</summary>
public sealed class SendGridEmailSenderTests : IDisposable
{
    private readonly FakeSendGrid sendGrid = new();
    private readonly EmailHost host;

    public SendGridEmailSenderTests() => host = new EmailHost(sendGrid);

    public static TheoryData<string> Templates => [.. EmailTemplates.All];

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task SendGrid_receives_the_rendered_template_with_recipient_subject_and_both_parts(string template)
    {
        var model = Models.All("Ada Lovelace").Single(m => m.Template == template).Model;

        await host.Sender.Send(host.Renderer.Render(template, "ada@example.com", model));

        var request = Assert.Single(sendGrid.Requests);
        Assert.Equal($"Bearer {EmailHost.ApiKey}", request.Headers!["Authorization"].ToString());
        Assert.StartsWith("application/json", request.Headers["Content-Type"].ToString(), StringComparison.Ordinal);
        var body = Assert.Single(sendGrid.Accepted);
        Assert.Equal("ada@example.com", body["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>());
        Assert.Equal("shop@example.com", body["from"]!["email"]!.GetValue<string>());
        Assert.Equal("Example Shop", body["from"]!["name"]!.GetValue<string>());
        var subject = body["subject"]!.GetValue<string>();
        var content = body["content"]!.AsArray();
        Assert.Equal(["text/plain", "text/html"], content.Select(c => c!["type"]!.GetValue<string>()));
        var text = content[0]!["value"]!.GetValue<string>();
        var html = content[1]!["value"]!.GetValue<string>();
        Assert.All(new[] { subject, text, html }, part => Assert.DoesNotContain("{{", part, StringComparison.Ordinal));
        Assert.All(new[] { subject, text, html }, part => Assert.DoesNotContain("{%", part, StringComparison.Ordinal));
        Assert.Contains("Ada Lovelace", text, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        AssertTemplateSpecifics(template, subject, text, html);
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_retried_until_SendGrid_accepts()
    {
        sendGrid.AnswerNext(429, 503, 500);

        await host.Sender.Send(Message());

        Assert.Equal(4, sendGrid.Requests.Count);
        Assert.Single(sendGrid.Accepted);
    }

    [Fact]
    public async Task An_outage_longer_than_the_retries_throws_a_transient_failure_and_counts_it()
    {
        sendGrid.AnswerNext(503, 503, 503, 503);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => host.Sender.Send(Message()));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, sendGrid.Requests.Count);
        Assert.Contains(host.Failures.GetMeasurementSnapshot(), m => m.Tags["kind"] as string == "transient");
    }

    [Fact]
    public async Task A_permanent_refusal_is_not_retried_and_is_logged_and_counted()
    {
        sendGrid.AnswerNext(400);

        await Assert.ThrowsAsync<EmailRejectedException>(() => host.Sender.Send(Message()));

        Assert.Single(sendGrid.Requests);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("400", StringComparison.Ordinal));
        var failure = Assert.Single(host.Failures.GetMeasurementSnapshot());
        Assert.Equal("permanent", failure.Tags["kind"]);
        Assert.Equal(400, failure.Tags["status"]);
    }

    [Fact]
    public async Task The_api_key_never_appears_in_the_logs()
    {
        sendGrid.AnswerNext(401);

        await Assert.ThrowsAsync<EmailRejectedException>(() => host.Sender.Send(Message()));

        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Message.Contains(EmailHost.ApiKey, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        host.Dispose();
        sendGrid.Dispose();
    }

    private static EmailMessage Message() => new() { To = "ada@example.com", Subject = "Hello", TextBody = "Hello", HtmlBody = "<p>Hello</p>" };

    private static void AssertTemplateSpecifics(string template, string subject, string text, string html)
    {
        switch (template)
        {
            case EmailTemplates.Welcome:
                Assert.Equal("Welcome to Shop, Ada Lovelace", subject);
                break;
            case EmailTemplates.OrderConfirmed:
                Assert.Equal("Your order 0f8fad5b-d9cb-469f-a165-70867728950e is confirmed", subject);
                Assert.Contains("2 x Desk lamp <b>Ada Lovelace</b> (LAMP-1) at 19.99 EUR: 39.98 EUR", text, StringComparison.Ordinal);
                Assert.Contains("Total: 49.98 EUR", text, StringComparison.Ordinal);
                Assert.Contains("N1 9GU London", text, StringComparison.Ordinal);
                Assert.Contains("1 Analytical St", html, StringComparison.Ordinal);
                Assert.Contains("49.98 EUR", html, StringComparison.Ordinal);
                break;
            default:
                Assert.Equal("Your order 0f8fad5b-d9cb-469f-a165-70867728950e was cancelled", subject);
                Assert.Contains("you cancelled it", text, StringComparison.Ordinal);
                Assert.Contains("We refunded 49.98 EUR", text, StringComparison.Ordinal);
                Assert.Contains("49.98 EUR", html, StringComparison.Ordinal);
                break;
        }
    }
}
