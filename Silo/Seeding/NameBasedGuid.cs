using System.Security.Cryptography;
using System.Text;

namespace Shop.Silo.Seeding;

/// <summary>RFC 9562 version-5 (name-based, SHA-1) UUIDs, so a seeded user keeps its id across restarts.</summary>
public static class NameBasedGuid
{
    /// <summary>The namespace of Shop's seeded users.</summary>
    public static readonly Guid UsersNamespace = new("6f1a4c3e-2b8d-4e55-9a0c-5d3e7b21f0aa");

    /// <summary>The version-5 UUID of <paramref name="name"/> in <paramref name="namespaceId"/>.</summary>
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var input = namespaceId.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
#pragma warning disable CA5350 // RFC 9562 version 5 is defined on SHA-1; this is an identifier, not a security use.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
