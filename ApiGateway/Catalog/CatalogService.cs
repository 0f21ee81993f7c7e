using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Shop.Api.V1;
using Shop.ApiGateway.Errors;
using Shop.Catalog;
using Shop.Common;
using Shop.Inventory;
using Shop.Users;

namespace Shop.ApiGateway.Catalog;

/// <summary>Catalog reads for everyone, writes for admins.</summary>
public sealed class CatalogService(IGrainFactory grains, CatalogGrains catalog) : Api.V1.CatalogService.CatalogServiceBase
{
    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    [AllowAnonymous]
    public override Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context) =>
        SearchAsync(Query(request));

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    [AllowAnonymous]
    public override async Task<Product> GetProduct(GetProductRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sku = Require.Sku(request.Sku);
        var product = await catalog.Product(sku).GetDetails();
        var visible = product is not null && (product.Published || IsAdmin(context));
        return visible ? await WithStockAsync(product!) : throw NotFound(sku);
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    [Authorize(Roles = Roles.Admin)]
    public override async Task<Product> CreateProduct(ProductInput request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sku = Require.Sku(request.Sku);
        var draft = ProductFields.Draft(request);
        var stock = ProductFields.Stock(request);
        var product = await grains.GetGrain<IProductGrain>(sku).Create(draft);
        return await SaveStockAsync(product, stock);
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    [Authorize(Roles = Roles.Admin)]
    public override async Task<Product> UpdateProduct(UpdateProductRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sku = Require.Sku(request.Sku);
        var input = request.Product ?? throw ShopException.Validation("product", "The product fields are required.");
        if (input.Sku.Length > 0 && !string.Equals(input.Sku, sku, StringComparison.Ordinal))
        {
            throw ShopException.Validation("sku", "The sku in the body must match the path.");
        }

        var product = grains.GetGrain<IProductGrain>(sku);
        if (ProductFields.IsPublishOnly(input))
        {
            return await WithStockAsync(await product.SetPublished(input.Published));
        }

        var draft = ProductFields.Draft(input);
        var stock = ProductFields.Stock(input);
        return await SaveStockAsync(await product.Update(draft), stock);
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    [Authorize(Roles = Roles.Admin)]
    public override async Task<DeleteProductResponse> DeleteProduct(DeleteProductRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sku = Require.Sku(request.Sku);
        await grains.GetGrain<IProductGrain>(sku).Delete();
        return new DeleteProductResponse { Sku = sku };
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    [Authorize(Roles = Roles.Admin)]
    public override async Task<Api.V1.StockLevel> AdjustStock(AdjustStockRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sku = Require.Sku(request.Sku);
        var delta = ProductFields.Delta(request.Delta);
        var reason = Require.OptionalText(request.Reason, "reason", 200);
        _ = await grains.GetGrain<IProductGrain>(sku).GetDetails() ?? throw NotFound(sku);
        return (await grains.GetGrain<IStockItemGrain>(sku).Adjust(delta, reason)).ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    [Authorize(Roles = Roles.Admin)]
    public override Task<ListProductsResponse> ListAdminProducts(ListProductsRequest request, ServerCallContext context) =>
        SearchAsync(Query(request) with { IncludeUnpublished = true });

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    [Authorize(Roles = Roles.Admin)]
    public override async Task<Api.V1.StockLevel> SetStock(SetStockRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sku = Require.Sku(request.Sku);
        var onHand = ProductFields.OnHand(request.OnHand);
        _ = await grains.GetGrain<IProductGrain>(sku).GetDetails() ?? throw NotFound(sku);
        return (await grains.GetGrain<IStockItemGrain>(sku).SetOnHand(onHand)).ToApi();
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    [Authorize(Roles = Roles.Admin)]
    public override async Task<RebuildSearchIndexResponse> RebuildSearchIndex(RebuildSearchIndexRequest request, ServerCallContext context) =>
        new() { Indexed = await grains.GetGrain<ICatalogIndexGrain>(ICatalogIndexGrain.Key).Rebuild() };

    private static ProductQuery Query(ListProductsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long? min = request.HasMinPrice ? Require.Range(request.MinPrice, "minPrice", 0, Shop.Common.Money.MaxAmountMinor) : null;
        long? max = request.HasMaxPrice ? Require.Range(request.MaxPrice, "maxPrice", 0, Shop.Common.Money.MaxAmountMinor) : null;
        if (min > max)
        {
            throw ShopException.Validation("minPrice", "minPrice must not be above maxPrice.");
        }

        return new ProductQuery
        {
            Text = Require.OptionalText(request.Q, "q", 200),
            Category = Require.OptionalText(request.Category, "category", 64),
            MinPriceMinor = min,
            MaxPriceMinor = max,
            Sort = SortNames.Parse(request.Sort),
            Page = Require.Page(request.Page),
            PageSize = Require.PageSize(request.PageSize),
        };
    }

    private async Task<ListProductsResponse> SearchAsync(ProductQuery query)
    {
        var page = await grains.GetGrain<ICatalogIndexGrain>(ICatalogIndexGrain.Key).Search(query);
        var products = await Task.WhenAll(page.Items.Select(WithStockAsync));
        var response = new ListProductsResponse { Total = page.Total, Facets = ProductMapping.FacetsOf(page) };
        response.Items.AddRange(products);
        return response;
    }

    private async Task<Product> SaveStockAsync(ProductDetails product, long? onHand)
    {
        if (onHand is not { } units)
        {
            return await WithStockAsync(product);
        }

        var level = await grains.GetGrain<IStockItemGrain>(product.Sku).SetOnHand(units);
        return product.ToApi(level.Available);
    }

    private async Task<Product> WithStockAsync(ProductDetails product)
    {
        var level = await catalog.StockItem(product.Sku).GetLevel();
        return product.ToApi(level.Available);
    }

    private static bool IsAdmin(ServerCallContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);

    private static ShopException NotFound(string sku) => ShopException.NotFound("product.not_found", $"No product has SKU {sku}.");
}
