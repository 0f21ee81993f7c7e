using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Shop.ApiGateway.Auth;
using Shop.Users;

namespace Shop.ApiGateway.Tests.Unit;

/// <summary>Issuing and validating access tokens, and the signing-key rules at start.</summary>
public sealed class AccessTokenTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("unit-test-key-0123456789-0123456789-abcdef");
    private static readonly UserProfile Admin = new()
    {
        UserId = Guid.NewGuid(),
        Email = "a@example.com",
        Name = "Ada",
        Roles = [Roles.Customer, Roles.Admin],
    };

    [Fact]
    public async Task An_issued_token_validates_and_carries_subject_and_roles()
    {
        var settings = TokenSettings.Create(new AuthOptions(), Key);
        var token = new AccessTokenIssuer(settings, TimeProvider.System).Issue(Admin);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, settings.ValidationParameters());

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(Admin.UserId.ToString(), result.ClaimsIdentity.Name);
        Assert.Equal(["customer", "admin"], result.ClaimsIdentity.FindAll("role").Select(c => c.Value));
    }

    [Fact]
    public async Task A_token_issued_sixteen_minutes_ago_is_expired()
    {
        var settings = TokenSettings.Create(new AuthOptions(), Key);
        var past = new FixedTime(DateTimeOffset.UtcNow.AddMinutes(-16));
        var token = new AccessTokenIssuer(settings, past).Issue(Admin);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, settings.ValidationParameters());

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_for_another_audience_is_refused()
    {
        var settings = TokenSettings.Create(new AuthOptions(), Key);
        var otherKey = TokenSettings.Create(new AuthOptions(), Encoding.UTF8.GetBytes("other-key-0123456789-0123456789-abcdefgh"));
        var otherAudience = TokenSettings.Create(new AuthOptions { Audience = "elsewhere" }, Key);
        var handler = new JsonWebTokenHandler();

        var wrongKey = await handler.ValidateTokenAsync(new AccessTokenIssuer(otherKey, TimeProvider.System).Issue(Admin), settings.ValidationParameters());
        var wrongAudience = await handler.ValidateTokenAsync(new AccessTokenIssuer(otherAudience, TimeProvider.System).Issue(Admin), settings.ValidationParameters());

        Assert.False(wrongKey.IsValid);
        Assert.False(wrongAudience.IsValid);
    }

    [Fact]
    public void Outside_development_a_missing_signing_key_stops_the_start_naming_the_setting()
    {
        var result = new SigningKeyValidator(Environment(Environments.Production)).Validate(null, new AuthOptions());

        Assert.True(result.Failed);
        Assert.Contains("Shop:Auth:SigningKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_signing_key_stops_the_start_even_in_development()
    {
        var options = new AuthOptions { SigningKey = "too-short" };

        var result = new SigningKeyValidator(Environment(Environments.Development)).Validate(null, options);
        var error = Assert.Throws<OptionsValidationException>(() => TokenSettings.From(options, isDevelopment: true));

        Assert.True(result.Failed);
        Assert.Contains("Shop:Auth:SigningKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Shop:Auth:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_development_a_missing_key_is_replaced_by_a_random_one()
    {
        var first = TokenSettings.From(new AuthOptions(), isDevelopment: true);
        var second = TokenSettings.From(new AuthOptions(), isDevelopment: true);

        Assert.True(first.Key.Key.Length >= AuthOptions.MinKeyBytes);
        Assert.NotEqual(first.Key.Key, second.Key.Key);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
