namespace Shop.ServiceDefaults.Logging;

/// <summary>How a host writes its console log (<c>Shop:Logging:Format</c>).</summary>
public enum LogFormat
{
    /// <summary>The default: one readable line per entry.</summary>
    Text,

    /// <summary>One JSON object per line, with the trace and span ids of the entry; for log collectors.</summary>
    Json,
}
