using System.ComponentModel.DataAnnotations;

namespace Shop.Integrations.Search.Elasticsearch;

/// <summary>Settings of the Elasticsearch index (<c>Shop:Search:Elasticsearch</c>).</summary>
public sealed class ElasticsearchOptions
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

    /// <summary>An encoded API key (sent as <c>Authorization: ApiKey ...</c>); takes precedence over basic authentication.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How many times a transient failure (connection error, 429, 502, 503, 504) is retried.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; each further retry waits twice as long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one request may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
