namespace Shop.Integrations.Search.Tests.Support;

/// <summary>A request the client sent: method, path with query, body, and (on the HTTP path) the Authorization header.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Body, string? Authorization = null)
{
    /// <summary>The path without the query string.</summary>
    public string Path => PathAndQuery.Split('?')[0];
}
