using System.Text.Json;

namespace Shop.Integrations.MongoDB;

/// <summary>Settings of one MongoDB grain storage.</summary>
public sealed class MongoDBGrainStorageOptions
{
    /// <summary>A MongoDB connection string (<c>mongodb://</c> or <c>mongodb+srv://</c>). Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The database that holds the collections. Required.</summary>
    public string DatabaseName { get; set; } = "";

    /// <summary>Put in front of every collection name (e.g. <c>catalog.</c>); empty by default.</summary>
    public string CollectionPrefix { get; set; } = "";

    /// <summary>
    /// State names whose collections and indexes are created when the silo starts; a state name not listed gets
    /// them on first use.
    /// </summary>
    public IList<string> StateNames { get; } = ["state"];

    /// <summary>How states are turned into JSON before they become BSON (camelCase names by default).</summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>The silo lifecycle stage at which the storage connects and creates its indexes.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;
}
