using Shop.Catalog;
using Shop.Integrations.Search.Tests.Support;

namespace Shop.Integrations.Search.Tests;

public sealed class ElasticsearchRequestShapeTests
{
    [Fact]
    public async Task Dump()
    {
        var invoker = new RecordingRequestInvoker()
            .On("HEAD", "/products", new(404))
            .On("PUT", "/products", new(200, "create-index.json"))
            .On("POST", "/products/_bulk", new(200, "bulk-created.json"))
            .On("POST", "/_bulk", new(200, "bulk-created.json"))
            .On("POST", "/products/_search", new(200, "count.json"))
            .On("POST", "/products/_count", new(200, "count.json"))
            .On("GET", "/products/_count", new(200, "count.json"));
        var index = RecordedIndex.Over(invoker);
        await index.Upsert([CatalogBuilder.Product("KIT-1", "Kettle", "Home-Office", 1234, attributes: new Dictionary<string, string> { ["colour"] = "red" }, version: 3)]);
        await index.Count();
        try { await index.Search(new ProductQuery { Text = "kettle", Category = "kitchen", MinPriceMinor = 100 }); } catch (Exception e) { Console.WriteLine(e); }
        foreach (var r in invoker.Requests) { Console.WriteLine($"{r.Method} {r.PathAndQuery}\n{r.Body}\n"); }
    }
}
