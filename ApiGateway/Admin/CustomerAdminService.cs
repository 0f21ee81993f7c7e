using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Shop.Api.V1;
using Shop.ApiGateway.Auth;
using Shop.ApiGateway.Errors;
using Shop.Common;
using Shop.Orders.Admin;
using Shop.Users;

namespace Shop.ApiGateway.Admin;

/// <summary>Shop staff's customer management: look a customer up by e-mail, list their orders, disable the account.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class CustomerAdminService(IGrainFactory grains, DisabledAccounts disabled) : Api.V1.CustomerAdminService.CustomerAdminServiceBase
{
    /// <summary>Orders shown with a customer.</summary>
    public const int OrdersShown = 20;

    private IOrderQueryGrain Query => grains.GetGrain<IOrderQueryGrain>(0);

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<AdminCustomer> FindCustomer(FindCustomerRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = Require.Text(request.Email, "email", 254);
        var userId = email.Contains('@', StringComparison.Ordinal)
            ? await grains.GetGrain<IUserEmailGrain>(EmailAddress.Normalize(email)).GetUserId()
            : throw ShopException.Validation("email", "email must be an e-mail address.");
        return await CustomerAsync(userId ?? throw NotFound());
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<ListAdminOrdersResponse> ListCustomerOrders(ListCustomerOrdersRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = Require.Id(request.UserId, "userId");
        var search = new OrderSearch { UserId = userId, Page = Require.Page(request.Page), PageSize = Require.PageSize(request.PageSize) };
        return (await Query.Search(search)).ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<AdminCustomer> DisableCustomer(DisableCustomerRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var admin = Caller.RequireUserId(context);
        var userId = Require.Id(request.UserId, "userId");
        if (userId == admin)
        {
            throw ShopException.BusinessRule("customer.self", "An admin cannot disable their own account.");
        }

        var user = grains.GetGrain<IUserGrain>(userId);
        if (await user.GetProfile() is null)
        {
            throw NotFound();
        }

        await user.Disable(admin);
        // This gateway refuses the account's tokens at once; the others within their next poll.
        disabled.Add(userId);
        return await CustomerAsync(userId);
    }

    private async Task<AdminCustomer> CustomerAsync(Guid userId)
    {
        var profile = await grains.GetGrain<IUserGrain>(userId).GetProfile() ?? throw NotFound();
        var orders = await Query.Search(new OrderSearch { UserId = userId, PageSize = OrdersShown });
        var customer = new AdminCustomer
        {
            UserId = profile.UserId.ToString(),
            Email = profile.Email,
            Name = profile.Name,
            Disabled = profile.Disabled,
            CreatedAt = Timestamp.FromDateTimeOffset(profile.CreatedAt),
            TotalOrders = orders.Total,
        };
        customer.Roles.AddRange(profile.Roles);
        customer.Orders.AddRange(orders.Items.Select(o => o.ToApi()));
        return customer;
    }

    private static ShopException NotFound() => ShopException.NotFound("customer.not_found", "No such customer.");
}
