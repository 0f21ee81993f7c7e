namespace Shop.Silo.Seeding;

/// <summary>
/// What the seeder does, decided at start from the environment and configuration: the demo catalog in Development
/// or with <c>Shop:Seed:Demo=true</c>; the admin from <c>Shop:Admin:Email</c> / <c>Shop:Admin:Password</c>, with
/// defaults only in Development.
/// </summary>
public sealed record SeedSettings
{
    /// <summary>Development default admin e-mail.</summary>
    public const string DevelopmentAdminEmail = "admin@shop.local";

    /// <summary>Development default admin password.</summary>
    public const string DevelopmentAdminPassword = "ChangeMe-Admin-1";

    /// <summary>Whether to load the demo catalog.</summary>
    public bool DemoCatalog { get; init; }

    /// <summary>The admin e-mail, or null for no admin.</summary>
    public string? AdminEmail { get; init; }

    /// <summary>The admin password, or null for no admin.</summary>
    public string? AdminPassword { get; init; }

    /// <summary>Decides from the environment and configuration.</summary>
    public static SeedSettings From(IConfiguration configuration, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var demo = configuration["Shop:Seed:Demo"];
        bool demoFlag = false;
        if (demo is not null && !bool.TryParse(demo, out demoFlag))
        {
            throw new InvalidOperationException($"Setting Shop:Seed:Demo is '{demo}'; expected true or false.");
        }

        var email = NullIfEmpty(configuration["Shop:Admin:Email"]) ?? (isDevelopment ? DevelopmentAdminEmail : null);
        var password = NullIfEmpty(configuration["Shop:Admin:Password"]) ?? (isDevelopment ? DevelopmentAdminPassword : null);
        var seedAdmin = email is not null && password is not null;
        return new SeedSettings
        {
            DemoCatalog = isDevelopment || demoFlag,
            AdminEmail = seedAdmin ? email : null,
            AdminPassword = seedAdmin ? password : null,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
