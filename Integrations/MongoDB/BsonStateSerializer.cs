using System.Buffers;
using System.Text.Json;
using MongoDB.Bson;

namespace Shop.Integrations.MongoDB;

/// <summary>
/// Turns a grain state into a BSON value and back through System.Text.Json (then <see cref="JsonBson"/>).
/// </summary>
/// <remarks>
/// System.Text.Json, not the Orleans storage serializer: Orleans' binary serializer would leave an opaque blob, and
/// its JSON storage serializer cannot build records with required or init-only members and read-only collections,
/// which the catalog's states use. System.Text.Json builds them, and its output maps one to one onto BSON.
/// </remarks>
internal sealed class BsonStateSerializer(JsonSerializerOptions options)
{
    /// <summary>The BSON form of a state (a document for an object, BsonNull for null).</summary>
    public BsonValue Serialize<T>(T state) => JsonBson.ToBson(JsonSerializer.SerializeToElement(state, options));

    /// <summary>The state stored as <paramref name="value"/>.</summary>
    public T? Deserialize<T>(BsonValue value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonBson.WriteJson(writer, value);
        }

        return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, options);
    }
}
