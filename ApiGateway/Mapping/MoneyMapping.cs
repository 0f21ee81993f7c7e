namespace Shop.ApiGateway.Mapping;

/// <summary>Money between the grains' <see cref="Shop.Common.Money"/> and the API's message.</summary>
public static class MoneyMapping
{
    /// <summary>The API message of an amount.</summary>
    public static Api.V1.Money ToApi(this Shop.Common.Money money) =>
        new() { AmountMinor = money.AmountMinor, Currency = money.Currency };

    /// <summary>The API message of an optional amount (null stays null).</summary>
    public static Api.V1.Money? ToApi(this Shop.Common.Money? money) => money?.ToApi();
}
