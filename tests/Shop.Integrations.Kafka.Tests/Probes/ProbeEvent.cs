namespace Shop.Integrations.Kafka.Tests.Probes;

/// <summary>A numbered test event; a poison one makes its handler throw every time.</summary>
[GenerateSerializer]
public sealed record ProbeEvent([property: Id(0)] int Number, [property: Id(1)] bool Poison = false);
