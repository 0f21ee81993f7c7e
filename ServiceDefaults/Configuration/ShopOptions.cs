using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Shop.ServiceDefaults.Configuration;

/// <summary>The one way Shop binds settings: a section, its data annotations, and a message naming the bad setting.</summary>
public static class ShopOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/>, validated at start by its data annotations
    /// (<see cref="DataAnnotationsValidator{T}"/>); add further <see cref="IValidateOptions{T}"/> for rules they cannot say.
    /// </summary>
    public static OptionsBuilder<T> AddShopOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        AddValidator<T>(services, section);
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// The same as <see cref="AddShopOptions{T}(IServiceCollection, string)"/> for wiring that is handed its
    /// <paramref name="configuration"/> rather than reading the host's (the silo parts, which test clusters run on
    /// their own settings): binds <paramref name="section"/> of it, validated at start.
    /// </summary>
    public static OptionsBuilder<T> AddShopOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AddValidator<T>(services, section);
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>
    /// Binds and validates settings a host needs while it is being built (before a service provider exists), such as
    /// the cluster identity or a backend to wire; throws <see cref="OptionsValidationException"/> naming each wrong
    /// setting. <paramref name="rules"/> are the <see cref="IValidateOptions{T}"/> checks beyond the data annotations.
    /// </summary>
    public static T Read<T>(IConfiguration configuration, string section, params IValidateOptions<T>[] rules)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(section, typeof(T), [$"A setting under {section} is malformed: {ex.Message}"]);
        }

        var failures = rules.Prepend(new DataAnnotationsValidator<T>(section))
            .Select(rule => rule.Validate(Options.DefaultName, options))
            .Where(result => result.Failed)
            .SelectMany(result => result.Failures ?? [])
            .ToList();
        return failures.Count > 0 ? throw new OptionsValidationException(section, typeof(T), failures) : options;
    }

    /// <summary>
    /// The error for a setting that the section's own reader refuses (a read that binding alone cannot do, such as a map
    /// of names to backends): the same exception type as every other wrong setting, so hosts report it in one line.
    /// </summary>
    public static OptionsValidationException Refuse<T>(string section, string failure) => new(section, typeof(T), [failure]);

    private static void AddValidator<T>(IServiceCollection services, string section)
        where T : class =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new DataAnnotationsValidator<T>(section)));
}
