namespace Shop.Grains.Users;

/// <summary>Hashes passwords slowly with a salt, and checks them in constant time. CPU-bound: call it off the grain scheduler.</summary>
public interface IPasswordHasher
{
    /// <summary>A self-describing hash of <paramref name="password"/>.</summary>
    string Hash(string password);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="encodedHash"/> (false for a malformed hash).</summary>
    bool Verify(string password, string encodedHash);
}
