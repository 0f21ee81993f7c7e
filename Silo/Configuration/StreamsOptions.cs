namespace Shop.Silo.Configuration;

/// <summary>Which stream provider carries the saga and catalog streams (<c>Shop:Streams</c>).</summary>
public sealed class StreamsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Streams";

    /// <summary><c>Memory</c> (development) or <c>Kafka</c>.</summary>
    public StreamsBackend Provider { get; set; } = StreamsBackend.Memory;
}
