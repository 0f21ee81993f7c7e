namespace Shop.Integrations.MongoDB;

/// <summary>Where a grain's state lives: the collection of its state name, the document of its grain id.</summary>
internal static class StorageKeys
{
    /// <summary>
    /// The collection of a state name (with the configured prefix). State names come from code; one MongoDB would
    /// refuse is a programming error and says so.
    /// </summary>
    public static string Collection(string prefix, string stateName)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        var name = prefix + stateName;
        var invalid = name.Contains('$', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal)
            || name.StartsWith("system.", StringComparison.Ordinal) || name.StartsWith('.') || name.EndsWith('.');
        return invalid ? throw new ArgumentException($"'{name}' cannot name a MongoDB collection.", nameof(stateName)) : name;
    }

    /// <summary>The document id of a grain: its grain id as Orleans prints it (<c>product/LAMP-1</c>).</summary>
    public static string DocumentId(GrainId grainId) => grainId.ToString();

    /// <summary>The grain type part of the id (<c>product</c>).</summary>
    public static string GrainType(GrainId grainId) => grainId.Type.ToString()!;
}
