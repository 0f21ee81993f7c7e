using System.ComponentModel.DataAnnotations;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>Settings of the Elasticsearch index (<c>Shop:Search:Elasticsearch</c>).</summary>
public sealed class ElasticsearchOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Shop:Search:Elasticsearch";

    /// <summary>The base URL of the cluster, e.g. <c>https://search.internal:9200</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [Url]
    public string Url { get; set; } = "";

    /// <summary>The index that holds the products.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9][a-z0-9_-]{0,99}$", ErrorMessage = "An index name is lower-case letters, digits, '-' and '_'.")]
    public string Index { get; set; } = "products";

    /// <summary>User name for basic authentication (with <see cref="Password"/>); unset for none.</summary>
    public string? Username { get; set; }

    /// <summary>Password for basic authentication.</summary>
    public string? Password { get; set; }

    /// <summary>An encoded API key (sent as <c>Authorization: ApiKey ...</c>); the alternative to basic authentication.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How many times a transient failure (connection error, timeout, 408, 429, 5xx) is retried.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; later ones back off exponentially with jitter (a Retry-After header wins).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one attempt may take before it is abandoned (and retried).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var basic = !string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Password);
        if (!string.IsNullOrEmpty(ApiKey) && basic)
        {
            yield return new ValidationResult(
                "Set an API key or a user name and password, not both.", [nameof(ApiKey), nameof(Username)]);
        }
        else if (basic && (string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password)))
        {
            yield return new ValidationResult(
                "Basic authentication needs both a user name and a password.", [nameof(Username), nameof(Password)]);
        }
    }
}
