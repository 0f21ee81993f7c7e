using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Shop.Grains;
using Shop.Grains.Notifications;

namespace Shop.Integrations.SendGrid.Tests.Support;

/// <summary>The e-mail port wired as the silo wires it (<c>Shop:Email:Provider=SendGrid</c>) against a <see cref="FakeSendGrid"/>.</summary>
public sealed class EmailHost : IDisposable
{
    /// <summary>The configured API key.</summary>
    public const string ApiKey = "SG.test-key.0123456789";

    private readonly ServiceProvider services;

    /// <summary>Builds the services; <paramref name="overrides"/> add or replace settings.</summary>
    public EmailHost(FakeSendGrid sendGrid, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Shop:Email:Provider"] = "SendGrid",
            ["Shop:Email:From"] = "shop@example.com",
            ["Shop:Email:FromName"] = "Example Shop",
            ["Shop:Email:SendGrid:ApiKey"] = ApiKey,
            ["Shop:Email:SendGrid:ApiBase"] = sendGrid.ApiBase,
            ["Shop:Email:SendGrid:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddFakeLogging().AddShopGrains(configuration).AddShopEmail(configuration);
        services = collection.BuildServiceProvider(validateScopes: true);
        Failures = new MetricCollector<long>(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SendGridEmailSender.MeterName, "shop.email.failed");
    }

    /// <summary>The renderer.</summary>
    public IEmailRenderer Renderer => services.GetRequiredService<IEmailRenderer>();

    /// <summary>The sender.</summary>
    public IEmailSender Sender => services.GetRequiredService<IEmailSender>();

    /// <summary>The log records written.</summary>
    public FakeLogCollector Logs => services.GetFakeLogCollector();

    /// <summary>The failed-e-mail counter.</summary>
    public MetricCollector<long> Failures { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Failures.Dispose();
        services.Dispose();
    }
}
