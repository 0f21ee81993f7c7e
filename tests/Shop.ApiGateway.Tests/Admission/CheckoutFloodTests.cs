using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Shop.ApiGateway.Tests.Infrastructure;
using Shop.Catalog;
using Shop.Common;
using Shop.Inventory;

namespace Shop.ApiGateway.Tests.Admission;

/// <summary>
/// A shop of its own whose checkout admits one order request at a time and queues none: an order whose body is still
/// arriving holds the place once the gateway has begun reading it, so what comes next is the excess, refused for
/// certain, whatever the machine's speed.
/// </summary>
public sealed class CheckoutFloodTests
{
    private const int Flood = 12;
    private const long InitialStock = 100;

    [Fact]
    public async Task A_flood_beyond_checkout_s_limit_is_refused_with_503_and_every_accepted_order_finishes_with_stock_conserved()
    {
        await using var app = new ShopApp(new Dictionary<string, string?>
        {
            ["Shop:Gateway:Admission:CheckoutPermits"] = "1",
            ["Shop:Gateway:Admission:CheckoutQueue"] = "0",
            ["Shop:Gateway:Admission:RetryAfterSeconds"] = "2",
        });
        using var client = new ShopClient(app.CreateClient());
        var sku = await ProductAsync(app);
        var holders = await ShoppersWithOneUnitAsync(client, sku, 1);
        var flood = await ShoppersWithOneUnitAsync(client, sku, Flood);

        var held = holders.Select(h => new HeldOrder(app, h)).ToList();
        await Task.WhenAll(held.Select(order => order.Admitted.WaitAsync(Eventually.DefaultTimeout)));
        using var probe = await client.SendAsync(HttpMethod.Post, "/v1/orders", Requests.CashOnDelivery());
        await AssertRefusedAsync(probe);
        using var browsing = await client.SendAsync(HttpMethod.Get, $"/v1/products/{sku}");
        Assert.Equal(HttpStatusCode.OK, browsing.StatusCode);

        var refused = await Task.WhenAll(flood.Select(shopper => PlaceAsync(client, shopper)));
        foreach (var response in refused)
        {
            await AssertRefusedAsync(response);
            response.Dispose();
        }

        var orders = new List<(Account Shopper, string OrderId)>();
        foreach (var order in held)
        {
            orders.Add((order.Shopper, await order.ReleaseAsync()));
        }

        orders.AddRange(await PlaceUntilAcceptedAsync(client, flood));
        foreach (var (shopper, orderId) in orders)
        {
            var final = await client.OrderReachingAsync(shopper, orderId, "CONFIRMED", "CANCELLED");
            Assert.Equal("CONFIRMED", final["status"]!.GetValue<string>());
        }

        var product = await client.JsonAsync(HttpMethod.Get, $"/v1/products/{sku}");
        Assert.Equal(holders.Count + Flood, orders.Select(o => o.OrderId).Distinct().Count());
        Assert.Equal(InitialStock - orders.Count, product["stock"]!.GetValue<long>());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var problem = await ShopClient.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()));
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }

    /// <summary>Retries the refused shoppers, each with its own idempotency key, until every one is accepted.</summary>
    private static async Task<List<(Account, string)>> PlaceUntilAcceptedAsync(ShopClient client, IReadOnlyList<Account> shoppers)
    {
        var accepted = new List<(Account, string)>();
        var waiting = shoppers.ToList();
        await Eventually.Until(async () =>
        {
            var answers = await Task.WhenAll(waiting.Select(async shopper => (shopper, response: await PlaceAsync(client, shopper))));
            foreach (var (shopper, response) in answers)
            {
                using (response)
                {
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                        accepted.Add((shopper, json["orderId"]!.GetValue<string>()));
                        waiting.Remove(shopper);
                    }
                    else
                    {
                        // Nothing but the admission's refusal may come back: never a 500, never another error.
                        await AssertRefusedAsync(response);
                    }
                }
            }

            return waiting.Count == 0;
        }, because: "every refused shopper to have the order accepted on retrying");
        return accepted;
    }

    private static Task<HttpResponseMessage> PlaceAsync(ShopClient client, Account shopper) =>
        client.SendAsync(HttpMethod.Post, "/v1/orders", Requests.CashOnDelivery(), shopper.AccessToken,
            Requests.IdempotencyKey("flood-" + shopper.UserId.ToString("N")));

    private static async Task<string> ProductAsync(ShopApp app)
    {
        var sku = "FLOOD-" + Guid.NewGuid().ToString("N")[..8];
        await app.Grains.GetGrain<IProductGrain>(sku).Create(new ProductDraft
        {
            Name = "Flood product " + sku,
            Description = "Sold in a flood of checkouts.",
            Price = new Money(1999, "EUR"),
            Category = "test",
            Published = true,
        });
        await app.Grains.GetGrain<IStockItemGrain>(sku).SetOnHand(InitialStock);
        return sku;
    }

    private static async Task<List<Account>> ShoppersWithOneUnitAsync(ShopClient client, string sku, int count)
    {
        var shoppers = new List<Account>();
        for (var i = 0; i < count; i++)
        {
            var email = $"flood-{Guid.NewGuid():N}@example.com";
            var tokens = await client.RegisterAsync(email, Requests.Password, "Flood shopper");
            var shopper = new Account(email, Guid.Parse(tokens.UserId), tokens);
            await client.AddToCartAsync(shopper, sku);
            shoppers.Add(shopper);
        }

        return shoppers;
    }

    /// <summary>An order request admitted whose body is held back until <see cref="ReleaseAsync"/>.</summary>
    private sealed class HeldOrder
    {
        private readonly Pipe body = new();
        private readonly TaskCompletionSource admitted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task<HttpContext> answer;

        public HeldOrder(ShopApp app, Account shopper)
        {
            Shopper = shopper;
            answer = app.Server.SendAsync(context =>
            {
                context.Request.Method = HttpMethods.Post;
                context.Request.Path = "/v1/orders";
                context.Request.ContentType = "application/json";
                context.Request.Headers.Authorization = "Bearer " + shopper.AccessToken;
                context.Request.Headers["Idempotency-Key"] = "held-" + shopper.UserId.ToString("N");
                context.Request.Body = new FirstReadSignal(body.Reader.AsStream(), admitted);
            });
        }

        public Account Shopper { get; }

        /// <summary>Completes when the gateway starts reading the body: the request is past admission, holding its place.</summary>
        public Task Admitted => admitted.Task;

        /// <summary>Sends the body; the order id of the 202.</summary>
        public async Task<string> ReleaseAsync()
        {
            await body.Writer.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Requests.CashOnDelivery(), JsonSerializerOptions.Web)));
            await body.Writer.CompleteAsync();
            var context = await answer;
            var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
            Assert.True(context.Response.StatusCode == StatusCodes.Status202Accepted, $"the held order answered {context.Response.StatusCode}: {text}");
            return JsonNode.Parse(text)!["orderId"]!.GetValue<string>();
        }
    }

    /// <summary>A request body that says when it is first read.</summary>
    private sealed class FirstReadSignal(Stream inner, TaskCompletionSource read) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            read.TrySetResult();
            return inner.Read(buffer, offset, count);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            read.TrySetResult();
            return inner.ReadAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            read.TrySetResult();
            return inner.ReadAsync(buffer, cancellationToken);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
