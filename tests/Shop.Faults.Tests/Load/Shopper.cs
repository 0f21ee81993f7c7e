namespace Shop.Faults.Tests.Load;

/// <summary>A registered shopper of the purchase loop: one worker, one cart, many orders.</summary>
internal sealed record Shopper(string Email, string Token);
