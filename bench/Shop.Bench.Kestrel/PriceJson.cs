namespace Shop.Bench.Kestrel;

/// <summary>Money as the shop writes it.</summary>
public sealed record PriceJson(long AmountMinor, string Currency);
