using Microsoft.Extensions.Options;
using Shop.Grains.Notifications;
using Shop.Integrations.SendGrid.Tests.Support;
using Shop.Orders;

namespace Shop.Integrations.SendGrid.Tests;

/// <summary>The Liquid templates: hostile data stays data, and the owner's files replace the built-in ones.</summary>
public sealed class LiquidEmailRendererTests
{
    private readonly LiquidEmailRenderer renderer = new(Options.Create(new EmailOptions()));

    public static TheoryData<string> Templates => [.. EmailTemplates.All];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Html_in_a_customers_name_is_escaped_in_the_html_part(string template)
    {
        var model = Models.All(Models.HostileName).Single(m => m.Template == template).Model;

        var message = renderer.Render(template, "eve@example.com", model);

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        // Markup in data is never evaluated as Liquid: it is printed as it was.
        Assert.Contains("{{ name }}", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_is_one_line_even_when_the_name_has_line_breaks()
    {
        var message = renderer.Render(EmailTemplates.Welcome, "eve@example.com", EmailTemplates.WelcomeModel("Eve\r\nBcc: all@example.com", "eve@example.com"));

        Assert.Equal("Welcome to Shop, Eve Bcc: all@example.com", message.Subject);
    }

    [Fact]
    public void A_cancellation_without_a_refund_says_no_payment_was_taken()
    {
        var message = renderer.Render(EmailTemplates.OrderCancelled, "ada@example.com", EmailTemplates.OrderCancelledModel("Ada", Guid.NewGuid(), CancellationReason.OutOfStock, refund: null));

        Assert.Contains("an item is out of stock", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("No payment was taken.", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("refunded", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_without_a_second_line_leaves_no_empty_line()
    {
        var message = renderer.Render(EmailTemplates.OrderConfirmed, "ada@example.com", EmailTemplates.OrderConfirmedModel("Ada", Models.Order("Ada")));

        Assert.Contains("1 Analytical St\nN1 9GU London", message.TextBody.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_file_in_the_template_folder_replaces_the_built_in_one()
    {
        var folder = Directory.CreateTempSubdirectory("shop-templates-").FullName;
        File.WriteAllText(Path.Combine(folder, "welcome.subject.liquid"), "Hi {{ name | upcase }}");
        var custom = new LiquidEmailRenderer(Options.Create(new EmailOptions { TemplateFolder = folder }));

        var message = custom.Render(EmailTemplates.Welcome, "ada@example.com", EmailTemplates.WelcomeModel("Ada", "ada@example.com"));

        Assert.Equal("Hi ADA", message.Subject);
        Assert.Contains("Your account ada@example.com is ready.", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_template_file_stops_the_start_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("shop-templates-").FullName;
        File.WriteAllText(Path.Combine(folder, "order-confirmed.html.liquid"), "{% for line in lines %}");

        var error = Assert.Throws<InvalidOperationException>(() => new LiquidEmailRenderer(Options.Create(new EmailOptions { TemplateFolder = folder })));

        Assert.Contains("order-confirmed.html.liquid", error.Message, StringComparison.Ordinal);
    }
}
