namespace Shop.Users;

/// <summary>A user registered; published on stream (<c>saga</c>, <c>user</c>, user id) for the welcome e-mail.</summary>
[GenerateSerializer, Immutable, Alias("shop.users.UserRegistered")]
public sealed record UserRegistered
{
    /// <summary>Unique id of this event.</summary>
    [Id(0)] public required Guid EventId { get; init; }

    /// <summary>The new user.</summary>
    [Id(1)] public required Guid UserId { get; init; }

    /// <summary>Their e-mail address.</summary>
    [Id(2)] public required string Email { get; init; }

    /// <summary>Their name.</summary>
    [Id(3)] public required string Name { get; init; }

    /// <summary>When they registered.</summary>
    [Id(4)] public required DateTimeOffset OccurredAt { get; init; }
}
