using Microsoft.Extensions.Options;
using Shop.Grains.Users;
using Shop.Users;

namespace Shop.Grains.Tests.Unit;

public sealed class PasswordHasherTests
{
    private static PasswordHasher Hasher(int iterations = 1000) =>
        new(Options.Create(new AuthOptions { PasswordHashIterations = iterations }));

    [Fact]
    public void A_hash_is_self_describing_with_scheme_iterations_salt_and_hash()
    {
        var parts = Hasher(1234).Hash("correct horse").Split('$');

        Assert.Equal(["pbkdf2-sha512", "1234"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void The_right_password_verifies_and_a_wrong_one_does_not()
    {
        var hasher = Hasher();
        var hash = hasher.Hash("correct horse");

        Assert.True(hasher.Verify("correct horse", hash));
        Assert.False(hasher.Verify("correct horsE", hash));
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time()
    {
        var hasher = Hasher();

        Assert.NotEqual(hasher.Hash("same password"), hasher.Hash("same password"));
    }

    [Fact]
    public void A_hash_made_with_other_iterations_still_verifies()
    {
        var old = Hasher(1000).Hash("password1");

        Assert.True(Hasher(2000).Verify("password1", old));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha512$x$AAAA$AAAA")]
    [InlineData("pbkdf2-sha512$1000$not base64!$AAAA")]
    [InlineData("bcrypt$1000$AAAA$AAAA")]
    public void A_malformed_hash_never_verifies(string encoded)
    {
        Assert.False(Hasher().Verify("anything", encoded));
    }

    [Fact]
    public void The_default_is_210000_iterations()
    {
        Assert.Equal(210_000, new AuthOptions().PasswordHashIterations);
    }
}
