using MongoDB.Bson;

namespace Shop.Integrations.MongoDB;

/// <summary>
/// The layout of one stored grain state:
/// <c>{ _id: "product/LAMP-1", _etag: "…", _grainType: "product", _modified: ISODate(…), state: { … } }</c>,
/// and the filters that address it. The etag filter is what makes a write optimistic: it matches only the version
/// the writer read.
/// </summary>
internal static class StateDocument
{
    /// <summary>The grain id (<c>type/key</c>).</summary>
    public const string Id = "_id";

    /// <summary>A new random value on every write.</summary>
    public const string ETag = "_etag";

    /// <summary>The grain type, for people and the index.</summary>
    public const string GrainType = "_grainType";

    /// <summary>When the state was last written (UTC).</summary>
    public const string Modified = "_modified";

    /// <summary>The state itself.</summary>
    public const string State = "state";

    /// <summary>The document of a state about to be written.</summary>
    public static BsonDocument Create(string id, string grainType, string etag, BsonValue state, DateTimeOffset modified) => new()
    {
        { Id, id },
        { ETag, etag },
        { GrainType, grainType },
        { Modified, new BsonDateTime(modified.UtcDateTime) },
        { State, state },
    };

    /// <summary>Matches the document of one grain, whatever its version.</summary>
    public static BsonDocument ById(string id) => new() { { Id, id } };

    /// <summary>Matches the document of one grain only at the version <paramref name="etag"/>.</summary>
    public static BsonDocument ByIdAndETag(string id, string etag) => new() { { Id, id }, { ETag, etag } };

    /// <summary>The etag of a stored document.</summary>
    public static string ETagOf(BsonDocument document) => document[ETag].AsString;
}
