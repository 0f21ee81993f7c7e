using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Shop.Silo.Storage.Postgres;

/// <summary>One embedded PostgreSQL migration: <c>NNNN_name.sql</c>, applied once, in version order.</summary>
/// <param name="Version">The number the file name starts with.</param>
/// <param name="Name">The file name.</param>
/// <param name="Sql">The script text.</param>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "Shop.Silo.Migrations.";

    /// <summary>SHA-256 of the script text, so an applied script that was edited afterwards is noticed.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The migrations embedded in the silo, ordered by version.</summary>
    public static IReadOnlyList<MigrationScript> Embedded()
    {
        var assembly = typeof(MigrationScript).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .OrderBy(s => s.Version)];
    }

    private static MigrationScript Load(Assembly assembly, string resourceName)
    {
        var name = resourceName[ResourcePrefix.Length..];
        var digits = name.Split('_', 2)[0];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration {name} does not start with a version number (NNNN_name.sql).");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new MigrationScript(version, name, reader.ReadToEnd());
    }
}
