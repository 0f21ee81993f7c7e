using System.Text.RegularExpressions;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// The Secret templates (deploy/k8s/**/shop-secrets.env.example: the keys of shop-secrets without values) and the
/// rule that tells a secret setting from an ordinary one.
/// </summary>
internal static partial class SecretTemplates
{
    /// <summary>Every template file.</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(RepositoryPaths.Kubernetes, "*.env.example", SearchOption.AllDirectories);

    /// <summary>The key=value lines of a template (comments and blank lines skipped).</summary>
    public static IEnumerable<(string Key, string Value)> Entries(string file) =>
        File.ReadLines(file)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .Select(parts => (parts[0], parts.Length > 1 ? parts[1] : ""));

    /// <summary>The keys of a template.</summary>
    public static IEnumerable<string> Keys(string file) => Entries(file).Select(e => e.Key);

    /// <summary>Whether a setting holds a secret: a password, key or token, or a connection string with a password.</summary>
    public static bool IsSecret(string key, string value) =>
        SecretName().IsMatch(key)
        || (key.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase) && PasswordPart().IsMatch(value));

    [GeneratedRegex("(Password|ApiKey|SecretKey|SigningKey|WebhookSecret|Token)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("(password|pwd)\\s*=|://[^/@:]+:[^/@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPart();
}
