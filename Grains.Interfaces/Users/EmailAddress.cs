namespace Shop.Users;

/// <summary>E-mail address rules shared by the gateway and the grains.</summary>
public static class EmailAddress
{
    /// <summary>Longest address accepted (RFC 5321 path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>The key of <see cref="IUserEmailGrain"/>: trimmed and lower-cased.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A plausible address: one @, something on each side, a dot in the domain, no spaces.</summary>
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength)
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at == email.LastIndexOf('@')
            && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.')
            && !email.Any(char.IsWhiteSpace);
    }
}
