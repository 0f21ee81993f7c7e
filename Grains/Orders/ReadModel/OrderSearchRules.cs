using Shop.Common;
using Shop.Orders.Admin;

namespace Shop.Grains.Orders.ReadModel;

/// <summary>Validation of the order list's filters and page (pure); a bad one is refused naming the field.</summary>
public static class OrderSearchRules
{
    /// <summary>Throws a validation <see cref="ShopException"/> naming the first bad field.</summary>
    public static void Validate(OrderSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.Page < 1)
        {
            throw ShopException.Validation("page", "Page must be 1 or more.");
        }

        if (search.PageSize is < 1 or > OrderSearch.MaxPageSize)
        {
            throw ShopException.Validation("pageSize", $"Page size must be between 1 and {OrderSearch.MaxPageSize}.");
        }

        if ((long)search.Page * search.PageSize > OrderSearch.MaxOffset + search.PageSize)
        {
            throw ShopException.Validation("page", $"Paging stops after {OrderSearch.MaxOffset} orders; narrow the filters (e.g. placedTo) to see older ones.");
        }

        if (search.PlacedFrom is { } from && search.PlacedTo is { } to && to <= from)
        {
            throw ShopException.Validation("placedTo", "placedTo must be after placedFrom.");
        }

        if (search.MinTotalMinor is < 0 or > Money.MaxAmountMinor)
        {
            throw ShopException.Validation("minTotal", $"minTotal must be between 0 and {Money.MaxAmountMinor} minor units.");
        }

        if (search.MaxTotalMinor is < 0 or > Money.MaxAmountMinor)
        {
            throw ShopException.Validation("maxTotal", $"maxTotal must be between 0 and {Money.MaxAmountMinor} minor units.");
        }

        if (search.MinTotalMinor is { } min && search.MaxTotalMinor is { } max && max < min)
        {
            throw ShopException.Validation("maxTotal", "maxTotal must not be below minTotal.");
        }

        if (search.CustomerEmail is { } email && (email.Length is 0 or > 254 || !email.Contains('@', StringComparison.Ordinal)))
        {
            throw ShopException.Validation("email", "email must be an e-mail address.");
        }

        if (search.Sku is { } sku && (sku.Length is 0 or > 64))
        {
            throw ShopException.Validation("sku", "sku must be 1 to 64 characters.");
        }

        if (!Enum.IsDefined(search.Sort))
        {
            throw ShopException.Validation("sort", "Unknown sort.");
        }
    }
}
