namespace Shop.LoadTests.Scenarios;

/// <summary>A registered shopper prepared before the measured phase.</summary>
public sealed record Shopper(string Email, string AccessToken);
