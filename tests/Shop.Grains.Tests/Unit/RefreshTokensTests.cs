using Shop.Grains.Users;

namespace Shop.Grains.Tests.Unit;

public sealed class RefreshTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    private readonly Guid userId = Guid.NewGuid();
    private readonly List<RefreshTokenFamily> families = [];

    private string Issue(DateTimeOffset? at = null) => RefreshTokens.Issue(families, userId, at ?? Now, Lifetime, maxFamilies: 3);

    private (RefreshRotationOutcome Outcome, string? Token) Rotate(string? token, DateTimeOffset? at = null) =>
        RefreshTokens.Rotate(families, userId, token, at ?? Now, Lifetime);

    [Fact]
    public void A_token_names_user_and_family_and_only_its_hash_is_kept()
    {
        var token = Issue();

        Assert.True(RefreshTokens.TryParse(token, out var user, out var family));
        Assert.Equal((userId, families[0].FamilyId), (user, family));
        Assert.Equal(RefreshTokens.HashOf(token), families[0].CurrentHash);
        Assert.DoesNotContain(token, families[0].CurrentHash, StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_token_rotates_into_a_new_one_of_the_same_family()
    {
        var first = Issue();

        var (outcome, next) = Rotate(first);

        Assert.Equal(RefreshRotationOutcome.Rotated, outcome);
        Assert.NotEqual(first, next);
        Assert.True(RefreshTokens.TryParse(next, out _, out var family));
        Assert.Equal(families[0].FamilyId, family);
        Assert.Equal(RefreshRotationOutcome.Rotated, Rotate(next).Outcome);
    }

    [Fact]
    public void Reusing_a_used_token_revokes_the_family()
    {
        var first = Issue();
        var (_, second) = Rotate(first);

        Assert.Equal(RefreshRotationOutcome.ReuseDetected, Rotate(first).Outcome);

        Assert.True(families[0].Revoked);
        Assert.Equal(RefreshRotationOutcome.Refused, Rotate(second).Outcome);
    }

    [Fact]
    public void Revoking_one_family_leaves_the_others_alive()
    {
        var a = Issue();
        var b = Issue();
        Rotate(a);

        Rotate(a);

        Assert.Equal(RefreshRotationOutcome.Rotated, Rotate(b).Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    public void Malformed_tokens_are_refused(string? token)
    {
        Issue();

        Assert.Equal(RefreshRotationOutcome.Refused, Rotate(token).Outcome);
    }

    [Fact]
    public void An_unknown_token_of_a_known_family_is_refused_without_revoking()
    {
        var token = Issue();
        var forged = token[..^5] + "AAAAA";

        Assert.Equal(RefreshRotationOutcome.Refused, Rotate(forged).Outcome);

        Assert.False(families[0].Revoked);
    }

    [Fact]
    public void Another_users_token_is_refused()
    {
        var other = RefreshTokens.Issue([], Guid.NewGuid(), Now, Lifetime, 3);

        Assert.Equal(RefreshRotationOutcome.Refused, Rotate(other).Outcome);
    }

    [Fact]
    public void An_expired_token_is_refused()
    {
        var token = Issue();

        Assert.Equal(RefreshRotationOutcome.Refused, Rotate(token, Now + Lifetime + TimeSpan.FromSeconds(1)).Outcome);
    }

    [Fact]
    public void The_oldest_family_is_dropped_beyond_the_cap()
    {
        var oldest = Issue(Now);
        Issue(Now.AddMinutes(1));
        Issue(Now.AddMinutes(2));

        Issue(Now.AddMinutes(3));

        Assert.Equal(3, families.Count);
        Assert.Equal(RefreshRotationOutcome.Refused, Rotate(oldest, Now.AddMinutes(4)).Outcome);
    }
}
