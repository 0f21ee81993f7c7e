using System.Net;
using System.Text.Json.Nodes;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document is the committed snapshot (so Redocly's lint and the storefront's generated types are of
/// what is served), and what it says about tokens, headers and errors is what the API does.
/// </summary>
[Collection(ShopTests.Name)]
public sealed class OpenApiDocumentTests(ShopFixture shop)
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task The_served_document_equals_the_committed_snapshot()
    {
        var served = OpenApiSnapshot.Format(await DocumentAsync());

        if (OpenApiSnapshot.Updating)
        {
            OpenApiSnapshot.Write(served);
        }

        Assert.True(
            served == OpenApiSnapshot.Read(),
            $"{OpenApiSnapshot.Path} differs from /openapi/v1.json. Refresh it with {OpenApiSnapshot.UpdateVariable}=1 dotnet test "
            + "tests/Shop.ApiGateway.Tests --filter FullyQualifiedName~OpenApi, then regenerate the storefront's types (cd frontend && npm run api:types).");
    }

    [Fact]
    public async Task Every_operation_that_documents_a_bearer_token_as_required_refuses_a_call_without_one()
    {
        var document = await DocumentAsync();
        using var client = shop.Client();

        var protectedOperations = Operations(document).Where(o => RequiresToken(o.Operation)).ToList();

        Assert.NotEmpty(protectedOperations);
        foreach (var (verb, path, _) in protectedOperations)
        {
            using var response = await client.SendAsync(new HttpMethod(verb.ToUpperInvariant()), Concrete(path), body: verb is "get" or "delete" ? null : "{}");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{verb} {path} answered {(int)response.StatusCode} without a token.");
        }
    }

    [Theory]
    [InlineData("get", "/v1/products")]
    [InlineData("get", "/v1/products/{sku}")]
    [InlineData("post", "/v1/auth/login")]
    [InlineData("post", "/v1/auth/register")]
    [InlineData("get", "/v1/cart")]
    [InlineData("post", "/v1/cart/items")]
    public async Task Operations_that_work_without_a_token_say_so(string verb, string path)
    {
        var operation = (await DocumentAsync())["paths"]![path]![verb]!;

        var requirements = operation["security"]!.AsArray();

        Assert.Contains(requirements, requirement => requirement!.AsObject().Count == 0);
    }

    [Fact]
    public async Task Checkout_documents_the_idempotency_key_and_the_cart_documents_its_guest_header_both_ways()
    {
        var paths = (await DocumentAsync())["paths"]!;

        var checkoutHeaders = HeaderNames(paths["/v1/orders"]!["post"]!);
        var cartHeaders = HeaderNames(paths["/v1/cart"]!["get"]!);
        var issued = paths["/v1/cart"]!["get"]!["responses"]!["200"]!["headers"]!.AsObject();

        Assert.Contains("Idempotency-Key", checkoutHeaders);
        Assert.Contains("X-Cart-Id", cartHeaders);
        Assert.Contains("X-Cart-Id", HeaderNames(paths["/v1/auth/login"]!["post"]!));
        Assert.True(issued.ContainsKey("X-Cart-Id"));
    }

    [Fact]
    public async Task Errors_are_documented_as_problem_json_and_a_real_refusal_has_the_documented_members()
    {
        var document = await DocumentAsync();
        using var client = shop.Client();

        var getProduct = document["paths"]!["/v1/products/{sku}"]!["get"]!["responses"]!.AsObject();
        var notFound = document["components"]!["responses"]!["NotFound"]!["content"]!.AsObject();
        var problem = document["components"]!["schemas"]!["Problem"]!["properties"]!.AsObject();
        using var response = await client.SendAsync(HttpMethod.Get, "/v1/products/NO-SUCH-SKU");
        var real = await ShopClient.ProblemAsync(response, HttpStatusCode.NotFound);

        Assert.DoesNotContain("default", getProduct.Select(r => r.Key));
        Assert.Equal("#/components/responses/NotFound", getProduct["404"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["application/problem+json"], notFound.Select(c => c.Key));
        foreach (var (member, _) in real.AsObject())
        {
            Assert.True(problem.ContainsKey(member), $"The problem member {member} is not in the Problem schema.");
        }
    }

    [Fact]
    public async Task Every_operation_has_an_id_and_no_error_is_left_undocumented_as_default()
    {
        var document = await DocumentAsync();

        var operations = Operations(document).ToList();

        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).Distinct().Count(id => id is not null));
        Assert.All(operations, o => Assert.False(o.Operation["responses"]!.AsObject().ContainsKey("default"), $"{o.Verb} {o.Path}"));
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = shop.Client();
        return await client.JsonAsync(HttpMethod.Get, "/openapi/v1.json");
    }

    private static IEnumerable<(string Verb, string Path, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(entry => Verbs.Contains(entry.Key))
                .Select(entry => (entry.Key, path.Key, entry.Value!)));

    // Required when no requirement of the operation is the empty one (which means "no token needed").
    private static bool RequiresToken(JsonNode operation) =>
        operation["security"] is JsonArray requirements && requirements.All(r => r!.AsObject().Count > 0);

    private static string Concrete(string path) =>
        path.Replace("{sku}", "ANY-SKU", StringComparison.Ordinal).Replace("{orderId}", Guid.Empty.ToString(), StringComparison.Ordinal);

    private static List<string> HeaderNames(JsonNode operation) =>
        (operation["parameters"]?.AsArray() ?? [])
            .Where(p => p!["in"]!.GetValue<string>() == "header")
            .Select(p => p!["name"]!.GetValue<string>())
            .ToList();
}
