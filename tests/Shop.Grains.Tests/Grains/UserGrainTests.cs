using Shop.Common;
using Shop.Grains.Tests.Cluster;
using Shop.Notifications;
using Shop.Users;

namespace Shop.Grains.Tests.Grains;

[Collection(StandardClusterDefinition.Name)]
public sealed class UserGrainTests(ShopClusterFixture fixture)
{
    private IUserGrain User(Guid id) => fixture.Grains.GetGrain<IUserGrain>(id);

    private static NewUser NewUser(string? email = null, string password = "correct horse battery") =>
        new() { Email = email ?? $"u{Guid.NewGuid():N}@example.com", Password = password, Name = "Grace Hopper" };

    [Fact]
    public async Task Registration_makes_a_customer_and_sends_one_welcome_email()
    {
        var userId = Guid.NewGuid();
        var registration = NewUser();

        var profile = await User(userId).Register(registration);

        Assert.Equal((userId, registration.Email, "Grace Hopper"), (profile.UserId, profile.Email, profile.Name));
        Assert.Equal([Roles.Customer], profile.Roles);
        await Eventually.Until(async () => (await fixture.Grains.GetGrain<INotificationGrain>(userId).GetSent()).Count == 1, because: "no welcome e-mail");
        Assert.Equal("welcome", Assert.Single(await fixture.Grains.GetGrain<INotificationGrain>(userId).GetSent()).Template);
        Assert.Single(fixture.Emails.To(registration.Email));
    }

    [Fact]
    public async Task An_email_registered_by_another_user_is_a_conflict_whatever_its_case()
    {
        var registration = NewUser();
        await User(Guid.NewGuid()).Register(registration);

        var error = await Assert.ThrowsAsync<ShopException>(() => User(Guid.NewGuid()).Register(NewUser(registration.Email.ToUpperInvariant())));

        Assert.Equal((ErrorKind.Conflict, "user.email_taken"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task Registering_the_same_user_twice_is_a_conflict()
    {
        var userId = Guid.NewGuid();
        await User(userId).Register(NewUser());

        var error = await Assert.ThrowsAsync<ShopException>(() => User(userId).Register(NewUser()));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }

    [Theory]
    [InlineData("not-an-email", "correct horse battery", "email")]
    [InlineData("ok@example.com", "short", "password")]
    public async Task Bad_registrations_are_validation_errors(string email, string password, string field)
    {
        var error = await Assert.ThrowsAsync<ShopException>(() => User(Guid.NewGuid()).Register(NewUser(email, password)));

        Assert.Equal((ErrorKind.Validation, field), (error.Kind, error.Code));
    }

    [Fact]
    public async Task An_email_claimed_by_a_registration_that_never_finished_can_be_taken_over()
    {
        var registration = NewUser();
        await fixture.Grains.GetGrain<IUserEmailGrain>(EmailAddress.Normalize(registration.Email)).Claim(Guid.NewGuid());
        var userId = Guid.NewGuid();

        await User(userId).Register(registration);

        Assert.Equal(userId, await fixture.Grains.GetGrain<IUserEmailGrain>(EmailAddress.Normalize(registration.Email)).GetUserId());
    }

    [Fact]
    public async Task Only_the_right_password_returns_the_profile()
    {
        var userId = Guid.NewGuid();
        await User(userId).Register(NewUser(password: "the right one"));

        Assert.Equal(userId, (await User(userId).CheckPassword("the right one"))?.UserId);
        Assert.Null(await User(userId).CheckPassword("the wrong one"));
        Assert.Null(await User(Guid.NewGuid()).CheckPassword("the right one"));
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_reuse_revokes_the_family()
    {
        var userId = Guid.NewGuid();
        await User(userId).Register(NewUser());
        var first = await User(userId).IssueRefreshToken();
        var other = await User(userId).IssueRefreshToken();

        var rotated = await User(userId).RotateRefreshToken(first);
        var reused = await User(userId).RotateRefreshToken(first);
        var afterRevocation = await User(userId).RotateRefreshToken(rotated.RefreshToken!);
        var otherFamily = await User(userId).RotateRefreshToken(other);

        Assert.Equal(userId, rotated.Profile?.UserId);
        Assert.True(reused.ReuseDetected);
        Assert.Null(reused.RefreshToken);
        Assert.Null(afterRevocation.RefreshToken);
        Assert.NotNull(otherFamily.RefreshToken);
    }

    [Fact]
    public async Task Granting_admin_adds_the_role_once()
    {
        var userId = Guid.NewGuid();
        await User(userId).Register(NewUser());

        await User(userId).GrantRole(Roles.Admin);
        var profile = await User(userId).GrantRole(Roles.Admin);

        Assert.Equal([Roles.Customer, Roles.Admin], profile.Roles);
        await Assert.ThrowsAsync<ShopException>(() => User(userId).GrantRole("superuser"));
    }

    [Fact]
    public async Task A_failing_send_is_retried_and_the_email_goes_out_once()
    {
        fixture.Emails.FailNext(1);
        var userId = Guid.NewGuid();
        var registration = NewUser();

        await User(userId).Register(registration);

        await Eventually.Until(() => Task.FromResult(fixture.Emails.To(registration.Email).Count == 1), because: "the welcome e-mail was never retried");
        Assert.Single(await fixture.Grains.GetGrain<INotificationGrain>(userId).GetSent());
    }
}
