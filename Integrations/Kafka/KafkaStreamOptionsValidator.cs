using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Shop.Integrations.Kafka;

/// <summary>
/// Stops the start (through <c>ValidateOnStart</c>) with a message naming the setting when the Kafka options of a
/// provider are wrong. With a <paramref name="section"/> each message names the configuration key
/// (<c>Setting Shop:Kafka:Partitions=0 ...</c>); without one it names the provider.
/// </summary>
public sealed class KafkaStreamOptionsValidator(string? section = null) : IValidateOptions<KafkaStreamOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KafkaStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = section is null ? $"Kafka stream provider '{name}': " : $"Setting {section}:";
        var errors = Errors(options).Select(e => prefix + e).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem of the options, each naming its setting.</summary>
    public static IEnumerable<string> Errors(KafkaStreamOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            yield return "BootstrapServers is required (host:port[,host:port]).";
        }
        else if (options.BootstrapServers.Split(',').Any(s => !LooksLikeHostPort(s.Trim())))
        {
            yield return $"BootstrapServers '{options.BootstrapServers}' must be a comma-separated host:port list.";
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroup))
        {
            yield return "ConsumerGroup is required.";
        }

        if (options.Partitions is < 1 or > 10_000)
        {
            yield return $"Partitions={options.Partitions} must be between 1 and 10000.";
        }

        if (options.ReplicationFactor < 1)
        {
            yield return $"ReplicationFactor={options.ReplicationFactor} must be at least 1.";
        }

        if (options.CacheSize < 10)
        {
            yield return $"CacheSize={options.CacheSize} must be at least 10.";
        }

        if (options.MinTimeInCache < TimeSpan.Zero || options.StartupTimeout <= TimeSpan.Zero)
        {
            yield return "MinTimeInCache must not be negative and StartupTimeout must be positive.";
        }

        if (options.FetchWaitMax < TimeSpan.FromMilliseconds(1) || options.FetchWaitMax > TimeSpan.FromSeconds(30))
        {
            yield return $"FetchWaitMax={options.FetchWaitMax} must be between 1 ms and 30 s.";
        }

        foreach (var error in SecurityErrors(options))
        {
            yield return error;
        }
    }

    private static IEnumerable<string> SecurityErrors(KafkaStreamOptions options)
    {
        var usesSasl = options.SecurityProtocol is SecurityProtocol.SaslPlaintext or SecurityProtocol.SaslSsl;
        if (usesSasl && options.SaslMechanism is null)
        {
            yield return $"SaslMechanism is required with SecurityProtocol={options.SecurityProtocol}.";
        }

        if (!usesSasl && options.SaslMechanism is not null)
        {
            yield return $"SaslMechanism={options.SaslMechanism} needs SecurityProtocol SaslPlaintext or SaslSsl.";
        }

        var needsPassword = options.SaslMechanism is Confluent.Kafka.SaslMechanism.Plain or Confluent.Kafka.SaslMechanism.ScramSha256 or Confluent.Kafka.SaslMechanism.ScramSha512;
        if (needsPassword && (string.IsNullOrEmpty(options.SaslUsername) || string.IsNullOrEmpty(options.SaslPassword)))
        {
            yield return $"SaslUsername and SaslPassword are required with SaslMechanism={options.SaslMechanism}.";
        }

        if (!string.IsNullOrEmpty(options.SslCaLocation) && !File.Exists(options.SslCaLocation))
        {
            yield return $"SslCaLocation '{options.SslCaLocation}' does not exist.";
        }
    }

    private static bool LooksLikeHostPort(string server)
    {
        var colon = server.LastIndexOf(':');
        return colon > 0 && int.TryParse(server[(colon + 1)..], out var port) && port is > 0 and < 65536;
    }
}
