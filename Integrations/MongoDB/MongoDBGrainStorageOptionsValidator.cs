using System.Buffers;
using MongoDB.Driver;

namespace Shop.Integrations.MongoDB;

/// <summary>Checks the options of one MongoDB grain storage when the silo starts; a bad one stops the start naming it.</summary>
internal sealed class MongoDBGrainStorageOptionsValidator(MongoDBGrainStorageOptions options, string name) : IConfigurationValidator
{
    private static readonly SearchValues<char> ForbiddenInDatabaseName = SearchValues.Create("/\\. \"$*<>:|?\0");

    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw Invalid("ConnectionString is required.");
        }

        try
        {
            _ = MongoUrl.Create(options.ConnectionString);
        }
        catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException)
        {
            // The parser's message quotes the connection string, which may hold a password.
            throw Invalid("ConnectionString is not a MongoDB connection string (mongodb://host:27017).");
        }

        if (string.IsNullOrWhiteSpace(options.DatabaseName) || options.DatabaseName.Length > 63
            || options.DatabaseName.AsSpan().ContainsAny(ForbiddenInDatabaseName))
        {
            throw Invalid($"DatabaseName '{options.DatabaseName}' is not a MongoDB database name (1 to 63 characters, none of /\\. \"$*<>:|?).");
        }

        foreach (var stateName in options.StateNames)
        {
            try
            {
                StorageKeys.Collection(options.CollectionPrefix, stateName);
            }
            catch (ArgumentException ex)
            {
                throw Invalid(ex.Message);
            }
        }

        if (options.SerializerOptions is null)
        {
            throw Invalid("SerializerOptions is required.");
        }
    }

    private OrleansConfigurationException Invalid(string message) =>
        new($"MongoDB grain storage '{name}': {message}");
}
