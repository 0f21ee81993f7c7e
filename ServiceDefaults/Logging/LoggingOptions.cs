using System.ComponentModel.DataAnnotations;

namespace Shop.ServiceDefaults.Logging;

/// <summary>The console log of a host (<c>Shop:Logging</c>). Levels per category stay under the standard <c>Logging</c> section.</summary>
public sealed class LoggingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Logging";

    /// <summary><c>Text</c> (default) or <c>Json</c>.</summary>
    [EnumDataType(typeof(LogFormat))]
    public LogFormat Format { get; set; } = LogFormat.Text;
}
