namespace Shop.ApiGateway.Mapping;

/// <summary>Cart and order lines as the API shows them (one message for both).</summary>
public static class LineItemMapping
{
    /// <summary>The API message of a line.</summary>
    public static Api.V1.LineItem LineItem(string sku, string name, int quantity, Shop.Common.Money unitPrice) => new()
    {
        Sku = sku,
        Name = name,
        Quantity = quantity,
        UnitPrice = unitPrice.ToApi(),
        LineTotal = unitPrice.Times(quantity).ToApi(),
    };
}
