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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new DataAnnotationsValidator<T>(section)));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// Binds and validates settings a host needs while it is being built (before a service provider exists), such as
    /// the cluster identity; throws <see cref="OptionsValidationException"/> naming each wrong setting.
    /// </summary>
    public static T Read<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
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

        var result = new DataAnnotationsValidator<T>(section).Validate(null, options);
        return result.Failed ? throw new OptionsValidationException(section, typeof(T), result.Failures) : options;
    }
}
