namespace Shop.Grains.Notifications;

/// <summary>An e-mail to send; the sender adds the From address from <see cref="EmailOptions"/>.</summary>
public sealed record EmailMessage
{
    /// <summary>Recipient address.</summary>
    public required string To { get; init; }

    /// <summary>Subject line.</summary>
    public required string Subject { get; init; }

    /// <summary>Plain-text body.</summary>
    public required string TextBody { get; init; }

    /// <summary>HTML body.</summary>
    public required string HtmlBody { get; init; }
}
