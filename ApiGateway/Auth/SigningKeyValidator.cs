using Microsoft.Extensions.Options;
using Shop.Users;

namespace Shop.ApiGateway.Auth;

/// <summary>
/// The gateway's rule for <c>Shop:Auth:SigningKey</c>, which depends on the environment (the data annotations of
/// <see cref="AuthOptions"/> cannot say it): required outside Development, at least 32 bytes everywhere.
/// </summary>
public sealed class SigningKeyValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TokenSettings.SigningKeyProblem(options.SigningKey, environment.IsDevelopment()) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
