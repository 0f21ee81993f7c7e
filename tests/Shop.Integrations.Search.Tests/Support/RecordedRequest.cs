namespace Shop.Integrations.Search.Tests.Support;

/// <summary>A request the fake Elasticsearch received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Body);
