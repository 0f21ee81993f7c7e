namespace Shop.Silo.Configuration;

/// <summary>A stream provider backend.</summary>
public enum StreamsBackend
{
    /// <summary>Orleans memory streams (development; lost on restart).</summary>
    Memory = 0,

    /// <summary>Kafka topics through Shop.Integrations.Kafka.</summary>
    Kafka = 1,
}
