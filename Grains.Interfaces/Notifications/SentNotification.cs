namespace Shop.Notifications;

/// <summary>An e-mail that was sent for an event.</summary>
[GenerateSerializer, Immutable, Alias("shop.notifications.SentNotification")]
public sealed record SentNotification
{
    /// <summary>The event it answers.</summary>
    [Id(0)] public required Guid EventId { get; init; }

    /// <summary>Which template: <c>welcome</c>, <c>order-confirmed</c>, <c>order-cancelled</c>.</summary>
    [Id(1)] public required string Template { get; init; }

    /// <summary>Recipient address.</summary>
    [Id(2)] public required string To { get; init; }

    /// <summary>Subject line.</summary>
    [Id(3)] public required string Subject { get; init; }

    /// <summary>When it was handed to the sender.</summary>
    [Id(4)] public required DateTimeOffset SentAt { get; init; }
}
