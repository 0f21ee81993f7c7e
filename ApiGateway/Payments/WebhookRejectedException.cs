namespace Shop.ApiGateway.Payments;

/// <summary>A webhook request that is not a genuine, fresh Stripe event (bad or missing signature, not an event).</summary>
public sealed class WebhookRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookRejectedException()
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    public WebhookRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    public WebhookRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
