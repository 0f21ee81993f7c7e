using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Shop.Api.V1;
using Shop.ApiGateway.Auth;
using Shop.ApiGateway.Errors;
using Shop.Common;
using Shop.Users;

namespace Shop.ApiGateway.Users;

/// <summary>The caller's own profile. Only name and phone can change; roles never come from the client.</summary>
[Authorize]
public sealed class ProfileService(IGrainFactory grains) : Api.V1.ProfileService.ProfileServiceBase
{
    private const int MaxPhoneLength = 32;

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Profile> GetMe(GetMeRequest request, ServerCallContext context)
    {
        var profile = await UserOf(context).GetProfile();
        return profile?.ToApi() ?? throw ShopException.NotFound("user.not_found", "The user no longer exists.");
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<Profile> UpdateMe(UpdateMeRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changes = new ProfileChanges
        {
            Name = request.HasName ? Require.Text(request.Name, "name", 100) : null,
            Phone = request.HasPhone ? Phone(request.Phone) : null,
        };
        return (await UserOf(context).UpdateProfile(changes)).ToApi();
    }

    private IUserGrain UserOf(ServerCallContext context) => grains.GetGrain<IUserGrain>(Caller.RequireUserId(context));

    private static string Phone(string phone)
    {
        var value = phone.Trim();
        return value.Length <= MaxPhoneLength && value.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')
            ? value
            : throw ShopException.Validation("phone", $"phone must be at most {MaxPhoneLength} digits, spaces, '+', '-', '(' or ')'.");
    }
}
