using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Shop.ServiceDefaults.Configuration;

/// <summary>
/// Validates an options class by its data annotations (and <see cref="IValidatableObject"/>), naming each failing
/// setting by its configuration path so a bad value stops the start with a message that says what to fix.
/// </summary>
public sealed class DataAnnotationsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(r =>
            $"Setting {section}:{string.Join($", {section}:", r.MemberNames)} is invalid: {r.ErrorMessage}"));
    }
}
