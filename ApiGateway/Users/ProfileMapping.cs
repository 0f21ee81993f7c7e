using Google.Protobuf.WellKnownTypes;
using Shop.Users;

namespace Shop.ApiGateway.Users;

/// <summary>Profiles as the API shows them.</summary>
public static class ProfileMapping
{
    /// <summary>The API message of a profile.</summary>
    public static Api.V1.Profile ToApi(this UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var message = new Api.V1.Profile
        {
            UserId = profile.UserId.ToString(),
            Email = profile.Email,
            Name = profile.Name,
            Phone = profile.Phone ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(profile.CreatedAt),
        };
        message.Roles.AddRange(profile.Roles);
        return message;
    }
}
