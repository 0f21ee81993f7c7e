namespace Shop.Grains.Payments;

/// <summary>The provider's answer to a charge.</summary>
public sealed record ChargeResult
{
    /// <summary>What the charge came to.</summary>
    public required ChargeOutcome Outcome { get; init; }

    /// <summary>The provider's reference (e.g. a PaymentIntent id).</summary>
    public string? ProviderReference { get; init; }

    /// <summary>The secret the storefront needs to finish a charge that requires action.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>Why the charge was declined, e.g. <c>card_declined</c>.</summary>
    public string? DeclineReason { get; init; }
}
