using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>A REST client of the shop speaking JSON, with the headers the API knows.</summary>
public sealed class ShopClient(HttpClient http) : IDisposable
{
    /// <summary>Sends a request; <paramref name="body"/> is serialised as JSON, or sent as is when it is a string.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body = null, string? token = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Sends a request and reads a successful JSON answer.</summary>
    public async Task<JsonNode> JsonAsync(
        HttpMethod method, string path, object? body = null, string? token = null, IDictionary<string, string>? headers = null)
    {
        using var response = await SendAsync(method, path, body, token, headers);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Registers a user.</summary>
    public async Task<TokenResult> RegisterAsync(string email, string password, string name, string? cartId = null) =>
        await TokensAsync("/v1/auth/register", new { email, password, name }, cartId);

    /// <summary>Logs in.</summary>
    public async Task<TokenResult> LoginAsync(string email, string password, string? cartId = null) =>
        await TokensAsync("/v1/auth/login", new { email, password }, cartId);

    /// <summary>Reads a problem+json body, asserting the content type and the status.</summary>
    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<TokenResult> TokensAsync(string path, object body, string? cartId)
    {
        var headers = cartId is null ? null : new Dictionary<string, string> { ["X-Cart-Id"] = cartId };
        var json = await JsonAsync(HttpMethod.Post, path, body, headers: headers);
        return json.Deserialize<TokenResult>(JsonSerializerOptions.Web)!;
    }
}
