namespace Shop.Grains.Payments;

/// <summary>The provider's answer to a refund.</summary>
public sealed record RefundResult
{
    /// <summary>Whether the money was given back.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>The provider's reference of the refund.</summary>
    public string? ProviderReference { get; init; }

    /// <summary>Why the refund failed, when it did.</summary>
    public string? FailureReason { get; init; }
}
