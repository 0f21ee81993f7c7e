using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Options;
using Shop.Grains.Notifications;

namespace Shop.Integrations.SendGrid;

/// <summary>
/// Renders the e-mails from Liquid templates (Fluid): per template a subject, a text and an HTML part. Values placed
/// in the HTML part are HTML-encoded, so a customer named <c>&lt;script&gt;</c> stays text. Templates are parsed once
/// at start (a broken template stops the start with its file named); the built-in ones are embedded, and a file of the
/// same name in <see cref="EmailOptions.TemplateFolder"/> replaces one.
/// </summary>
public sealed partial class LiquidEmailRenderer : IEmailRenderer
{
    private static readonly FluidParser Parser = new();
    private readonly TemplateOptions templateOptions = new();
    private readonly Dictionary<string, IFluidTemplate> templates = new(StringComparer.Ordinal);

    /// <summary>Loads and parses every template.</summary>
    public LiquidEmailRenderer(IOptions<EmailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.Value.TemplateFolder;
        foreach (var name in EmailTemplates.All.SelectMany(t => new[] { $"{t}.subject.liquid", $"{t}.text.liquid", $"{t}.html.liquid" }))
        {
            var (source, origin) = Load(name, folder);
            if (!Parser.TryParse(source, out var template, out var error))
            {
                throw new InvalidOperationException($"E-mail template {origin} is not valid Liquid: {error}");
            }

            templates[name] = template;
        }
    }

    /// <inheritdoc />
    public EmailMessage Render(string templateName, string recipient, IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!templates.ContainsKey($"{templateName}.subject.liquid"))
        {
            throw new ArgumentException($"No e-mail template named {templateName}.", nameof(templateName));
        }

        return new EmailMessage
        {
            To = recipient,
            Subject = OneLine(Render($"{templateName}.subject.liquid", model, NullEncoder.Default)),
            TextBody = Render($"{templateName}.text.liquid", model, NullEncoder.Default),
            HtmlBody = Render($"{templateName}.html.liquid", model, HtmlEncoder.Default),
        };
    }

    private string Render(string name, IReadOnlyDictionary<string, object?> model, TextEncoder encoder)
    {
        var context = new TemplateContext(templateOptions);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, FluidValue.Create(value, templateOptions));
        }

        return templates[name].Render(context, encoder);
    }

    private static (string Source, string Origin) Load(string name, string? folder)
    {
        if (!string.IsNullOrWhiteSpace(folder))
        {
            var path = Path.Combine(Path.GetFullPath(folder), name);
            if (File.Exists(path))
            {
                return (File.ReadAllText(path), path);
            }
        }

        using var stream = typeof(LiquidEmailRenderer).Assembly.GetManifestResourceStream($"Shop.EmailTemplates.{name}")
            ?? throw new InvalidOperationException($"The built-in e-mail template {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), $"{name} (built in)");
    }

    /// <summary>A subject is one line: line breaks and runs of white space become one space.</summary>
    private static string OneLine(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
