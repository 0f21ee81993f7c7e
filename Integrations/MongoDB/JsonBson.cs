using System.Globalization;
using System.Text.Json;
using MongoDB.Bson;

namespace Shop.Integrations.MongoDB;

/// <summary>
/// Converts JSON (as System.Text.Json writes a state) to BSON values and back, so a state is stored as a document a
/// person can read and query, not as an opaque blob. Whole numbers become Int32 or Int64, other numbers Decimal128
/// when that keeps their digits exactly and Double otherwise; strings (dates included: System.Text.Json writes them
/// as ISO 8601 with their offset) stay strings; property names go through <see cref="FieldNames"/>.
/// </summary>
internal static class JsonBson
{
    /// <summary>The BSON value of a JSON value.</summary>
    public static BsonValue ToBson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDocument(element),
        JsonValueKind.Array => new BsonArray(element.EnumerateArray().Select(ToBson)),
        JsonValueKind.String => new BsonString(element.GetString()),
        JsonValueKind.Number => ToNumber(element),
        JsonValueKind.True => BsonBoolean.True,
        JsonValueKind.False => BsonBoolean.False,
        _ => BsonNull.Value,
    };

    /// <summary>Writes <paramref name="value"/> as JSON; it must be a value <see cref="ToBson"/> can produce.</summary>
    public static void WriteJson(Utf8JsonWriter writer, BsonValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        switch (value.BsonType)
        {
            case BsonType.Document:
                writer.WriteStartObject();
                foreach (var field in value.AsBsonDocument)
                {
                    writer.WritePropertyName(FieldNames.Unescape(field.Name));
                    WriteJson(writer, field.Value);
                }

                writer.WriteEndObject();
                break;
            case BsonType.Array:
                writer.WriteStartArray();
                foreach (var item in value.AsBsonArray)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case BsonType.String:
                writer.WriteStringValue(value.AsString);
                break;
            case BsonType.Int32:
                writer.WriteNumberValue(value.AsInt32);
                break;
            case BsonType.Int64:
                writer.WriteNumberValue(value.AsInt64);
                break;
            case BsonType.Decimal128:
                writer.WriteNumberValue(value.AsDecimal);
                break;
            case BsonType.Double:
                writer.WriteNumberValue(value.AsDouble);
                break;
            case BsonType.Boolean:
                writer.WriteBooleanValue(value.AsBoolean);
                break;
            case BsonType.Null:
                writer.WriteNullValue();
                break;
            default:
                // Someone edited the document by hand with a type System.Text.Json never writes.
                throw new InvalidOperationException($"A stored state holds a BSON {value.BsonType}, which has no JSON form here.");
        }
    }

    private static BsonDocument ToDocument(JsonElement element)
    {
        var document = new BsonDocument();
        foreach (var property in element.EnumerateObject())
        {
            document.Add(FieldNames.Escape(property.Name), ToBson(property.Value));
        }

        return document;
    }

    private static BsonValue ToNumber(JsonElement element)
    {
        if (element.TryGetInt32(out var small))
        {
            return new BsonInt32(small);
        }

        if (element.TryGetInt64(out var large))
        {
            return new BsonInt64(large);
        }

        var text = element.GetRawText();
        return element.TryGetDecimal(out var exact) && SameNumber(exact, text)
            ? new BsonDecimal128(exact)
            : new BsonDouble(element.GetDouble());
    }

    /// <summary>Whether the decimal holds the number of the JSON text exactly (decimal rounds tiny or long numbers).</summary>
    private static bool SameNumber(decimal value, string text) =>
        !text.Contains('e', StringComparison.OrdinalIgnoreCase)
        && string.Equals(value.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
}
