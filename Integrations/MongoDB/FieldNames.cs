using System.Globalization;
using System.Text;

namespace Shop.Integrations.MongoDB;

/// <summary>
/// Maps JSON property names (which include dictionary keys such as SKUs and attribute names) to BSON field names and
/// back. MongoDB treats a '.' in a field name as a path and a leading '$' as an operator, and BSON names cannot hold
/// NUL, so those characters (and '%', the escape itself) are percent-encoded; every other name is stored as it is,
/// which keeps the documents readable.
/// </summary>
internal static class FieldNames
{
    /// <summary>The BSON field name of a JSON property name.</summary>
    public static string Escape(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NeedsEscaping(name))
        {
            return name;
        }

        var escaped = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var escape = c is '%' or '.' or '\0' || (c == '$' && i == 0);
            escaped.Append(escape ? $"%{(int)c:X2}" : c);
        }

        return escaped.ToString();
    }

    /// <summary>The JSON property name of a BSON field name written by <see cref="Escape"/>.</summary>
    public static string Unescape(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.Contains('%', StringComparison.Ordinal))
        {
            return name;
        }

        var plain = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '%' && i + 2 < name.Length && int.TryParse(name.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                plain.Append((char)code);
                i += 2;
            }
            else
            {
                plain.Append(name[i]);
            }
        }

        return plain.ToString();
    }

    private static bool NeedsEscaping(string name) =>
        name.StartsWith('$') || name.AsSpan().IndexOfAny(['%', '.', '\0']) >= 0;
}
