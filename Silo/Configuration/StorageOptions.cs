using Microsoft.Extensions.Options;
using Shop.Common;
using Shop.ServiceDefaults.Configuration;

namespace Shop.Silo.Configuration;

/// <summary>
/// Which backend each logical storage name uses (<c>Shop:Storage</c>): <c>Default</c> for all, and one key per
/// storage name (e.g. <c>Shop:Storage:carts=Redis</c>) to override.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Storage";

    /// <summary>The backend of every storage name without an override.</summary>
    public StorageBackend Default { get; set; } = StorageBackend.Memory;

    /// <summary>Per storage name overrides, case-insensitive.</summary>
    public Dictionary<string, StorageBackend> Overrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The backend for one storage name.</summary>
    public StorageBackend For(string storageName) =>
        Overrides.TryGetValue(storageName, out var backend) ? backend : Default;

    /// <summary>Reads the section; an unknown backend name or storage name stops the start naming the setting
    /// (<see cref="OptionsValidationException"/>, as every wrong setting).</summary>
    public static StorageOptions Read(IConfiguration configuration)
    {
        var options = new StorageOptions();
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            if (entry.Value is null)
            {
                continue;
            }

            var backend = ParseBackend(entry.Key, entry.Value);
            if (string.Equals(entry.Key, nameof(Default), StringComparison.OrdinalIgnoreCase))
            {
                options.Default = backend;
            }
            else if (StorageNames.All.Contains(entry.Key, StringComparer.OrdinalIgnoreCase))
            {
                options.Overrides[entry.Key] = backend;
            }
            else
            {
                throw ShopOptions.Refuse<StorageOptions>(Section,
                    $"Setting {Section}:{entry.Key} names no storage. Known names: Default, {string.Join(", ", StorageNames.All)}.");
            }
        }

        return options;
    }

    private static StorageBackend ParseBackend(string key, string value) =>
        Enum.TryParse<StorageBackend>(value, ignoreCase: true, out var backend) && Enum.IsDefined(backend)
            ? backend
            : throw ShopOptions.Refuse<StorageOptions>(Section,
                $"Setting {Section}:{key} is '{value}'; expected one of {string.Join(", ", Enum.GetNames<StorageBackend>())}.");
}
