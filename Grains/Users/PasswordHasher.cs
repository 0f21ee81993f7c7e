using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Shop.Users;

namespace Shop.Grains.Users;

/// <summary>
/// PBKDF2-HMAC-SHA512 with a 16-byte random salt, stored as <c>pbkdf2-sha512$iterations$salt$hash</c> (base64), so
/// the iteration count can grow without invalidating old hashes. Compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>.
/// </summary>
public sealed class PasswordHasher(IOptions<AuthOptions> options) : IPasswordHasher
{
    /// <summary>The scheme prefix.</summary>
    public const string Scheme = "pbkdf2-sha512";

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <inheritdoc />
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var iterations = options.Value.PasswordHashIterations;
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, iterations);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <inheritdoc />
    public bool Verify(string password, string encodedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = (encodedHash ?? "").Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < 1 or > 100_000_000)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations, expected.Length), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length = HashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, length);
}
