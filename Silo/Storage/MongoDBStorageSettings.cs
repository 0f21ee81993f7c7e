using Shop.ServiceDefaults.Configuration;

namespace Shop.Silo.Storage;

/// <summary>
/// Where <c>MongoDB</c> storage names keep their state: <c>Shop:Storage:MongoDB:ConnectionString</c> (or
/// <c>ConnectionStrings:MongoDB</c>) and <c>Shop:Storage:MongoDB:DatabaseName</c> (default <c>shop</c>).
/// The connection string is a secret: it is never logged or put into messages.
/// </summary>
public sealed class MongoDBStorageSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Storage:MongoDB";

    /// <summary>The connection string.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The database.</summary>
    public required string DatabaseName { get; init; }

    /// <summary>Reads the settings; a missing connection string stops the start naming both settings and <paramref name="requiredBy"/>.</summary>
    public static MongoDBStorageSettings Read(IConfiguration configuration, string requiredBy)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var connectionString = NullIfBlank(section["ConnectionString"]) ?? NullIfBlank(configuration.GetConnectionString("MongoDB"))
            ?? throw ShopOptions.Refuse<MongoDBStorageSettings>(Section,
                $"Setting {Section}:ConnectionString (or ConnectionStrings:MongoDB) is required because {requiredBy}.");
        return new MongoDBStorageSettings
        {
            ConnectionString = connectionString,
            DatabaseName = NullIfBlank(section["DatabaseName"]) ?? "shop",
        };
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
