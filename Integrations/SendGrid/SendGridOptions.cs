using System.ComponentModel.DataAnnotations;

namespace Shop.Integrations.SendGrid;

/// <summary>SendGrid settings (<c>Shop:Email:SendGrid</c>). The API key comes only from configuration and is never logged.</summary>
public sealed class SendGridOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Email:SendGrid";

    /// <summary>The API key with the Mail Send permission (<c>SG....</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "is required when Shop:Email:Provider is SendGrid.")]
    [RegularExpression(@"^SG\.[A-Za-z0-9_\-\.]+$", ErrorMessage = "must be a SendGrid API key (SG....).")]
    public string ApiKey { get; set; } = "";

    /// <summary>SendGrid's API base URL (the EU data residency one is <c>https://api.eu.sendgrid.com</c>); tests point it at a local server.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "is required.")]
    [Url(ErrorMessage = "must be an absolute URL.")]
    public string ApiBase { get; set; } = "https://api.sendgrid.com";

    /// <summary>Retries of a transient failure (timeout, 429, 5xx).</summary>
    [Range(0, 10, ErrorMessage = "must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; later ones back off exponentially with jitter (a Retry-After header wins).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "must be between 0 and 1 minute.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:02:00", ErrorMessage = "must be between 10 ms and 2 minutes.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
