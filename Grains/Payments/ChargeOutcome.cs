namespace Shop.Grains.Payments;

/// <summary>What a charge attempt came to.</summary>
public enum ChargeOutcome
{
    /// <summary>The money is taken.</summary>
    Succeeded = 0,

    /// <summary>The provider refused the charge.</summary>
    Declined = 1,

    /// <summary>The customer must act (3-D Secure) before the charge completes.</summary>
    RequiresAction = 2,
}
