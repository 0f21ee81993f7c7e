using System.Collections;
using System.Reflection;
using Orleans.Hosting.Kubernetes;
using Shop.ApiGateway.Hosting;
using Shop.Common;
using Shop.Integrations.Kafka;
using Shop.Silo;
using Shop.Silo.Configuration;
using Shop.Silo.Storage;

namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// Every setting the two hosts read, derived from their code: each options class with a <c>Section</c> constant
/// contributes its section and public settable properties (nested classes recursively, list and dictionary entries
/// by any child key); the few keys read outside an options class come from the constants of the code that reads
/// them; the Kubernetes hosting package contributes the environment variables it reads (its <c>*EnvironmentVariable</c>
/// constants). A manifest may set only these, so a renamed or misspelt setting fails the tests instead of being
/// silently ignored in a pod.
/// </summary>
internal sealed class HostSettings
{
    // Read by the .NET host and ASP.NET Core themselves, not by Shop code.
    private static readonly string[] FrameworkVariables = ["ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    // Declared before Shop, which is built from them. MongoDBStorageSettings falls back to ConnectionStrings:MongoDB; SeedSettings reads these keys (both inline).
    private const string MongoDBConnectionStringName = "MongoDB";

    private static readonly string[] SeedSettingKeys = ["Shop:Seed:Demo", "Shop:Admin:Email", "Shop:Admin:Password"];

    private readonly HashSet<string> exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> prefixes = [];

    private HostSettings()
    {
    }

    /// <summary>The settings of the Silo and ApiGateway hosts.</summary>
    public static HostSettings Shop { get; } = Build();

    /// <summary>Whether an environment variable (<c>Shop__Orleans__ClusterId</c>) names a setting a host reads.</summary>
    public bool Reads(string environmentVariable)
    {
        if (FrameworkVariables.Contains(environmentVariable, StringComparer.Ordinal) || exact.Contains(environmentVariable))
        {
            return true;
        }

        var key = environmentVariable.Replace("__", ":", StringComparison.Ordinal);
        return exact.Contains(key) || prefixes.Exists(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    private static HostSettings Build()
    {
        var settings = new HostSettings();
        foreach (var type in ShopAssemblies().SelectMany(LoadableTypes))
        {
            if (SectionOf(type) is { } section && type is { IsClass: true, IsAbstract: false })
            {
                settings.AddProperties(section, type);
            }
        }

        // Options classes whose section constant lives on the code that binds them.
        settings.AddProperties(KafkaStreamsWiring.Section, typeof(KafkaStreamOptions));
        // Keys read one by one (configuration["..."]) by the code named here.
        settings.exact.Add($"{StorageOptions.Section}:Default");
        foreach (var name in StorageNames.All)
        {
            settings.exact.Add($"{StorageOptions.Section}:{name}");
        }

        settings.exact.Add($"ConnectionStrings:{StorageConnections.PostgresName}");
        settings.exact.Add($"ConnectionStrings:{StorageConnections.RedisName}");
        settings.exact.Add($"ConnectionStrings:{MongoDBConnectionStringName}");
        settings.exact.UnionWith(SeedSettingKeys);
        foreach (var field in typeof(KubernetesHostingOptions).GetFields(BindingFlags.Public | BindingFlags.Static)
                     .Where(f => f.IsLiteral && f.Name.EndsWith("EnvironmentVariable", StringComparison.Ordinal)))
        {
            settings.exact.Add((string)field.GetRawConstantValue()!);
        }

        return settings;
    }

    private void AddProperties(string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                // Lists (KnownNetworks:0) and dictionaries (ClientProperties:linger.ms): any child key.
                prefixes.Add(key + ":");
            }
            else if (property.CanWrite && IsScalar(propertyType))
            {
                exact.Add(key);
            }
            else if (property.CanWrite && propertyType.IsClass && propertyType.Namespace?.StartsWith("Shop", StringComparison.Ordinal) == true)
            {
                AddProperties(key, propertyType);
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(DateTimeOffset);

    private static string? SectionOf(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
            ? field.GetRawConstantValue() as string
            : null;

    private static List<Assembly> ShopAssemblies()
    {
        var roots = new[] { typeof(ShopSiloExtensions).Assembly, typeof(GatewayOptions).Assembly };
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>(roots);
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name?.StartsWith("Shop.", StringComparison.Ordinal) == true))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }

        return [.. seen.Values];
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
