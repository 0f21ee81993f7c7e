namespace Shop.Grains.Payments;

/// <summary>The persisted state of a <see cref="PaymentReferenceGrain"/>.</summary>
[GenerateSerializer, Alias("shop.grains.payments.PaymentReferenceState")]
public sealed class PaymentReferenceState
{
    /// <summary>The order the reference belongs to.</summary>
    [Id(0)] public Guid? OrderId { get; set; }
}
