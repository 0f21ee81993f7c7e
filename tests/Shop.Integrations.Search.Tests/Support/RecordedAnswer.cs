namespace Shop.Integrations.Search.Tests.Support;

/// <summary>
/// A recorded Elasticsearch answer: the status and a JSON body from <c>Fixtures/Elasticsearch</c> (none for a bare
/// status, as for HEAD), or a failure to connect at all.
/// </summary>
public sealed record RecordedAnswer(int Status, string? Fixture = null, bool Unreachable = false)
{
    /// <summary>No answer: the connection is refused.</summary>
    public static RecordedAnswer Refused { get; } = new(0, Unreachable: true);

    /// <summary>The header Elasticsearch 7.14 and later sends on every answer to an authenticated request.</summary>
    public static Dictionary<string, IEnumerable<string>> ProductHeaders() =>
        new(StringComparer.OrdinalIgnoreCase) { ["X-Elastic-Product"] = ["Elasticsearch"] };

    /// <summary>Whether the real server would send <see cref="ProductHeaders"/> (not to a request it could not authenticate).</summary>
    public bool HasProductHeader => Status is not (401 or 403);

    /// <summary>The body bytes of the fixture (empty for none).</summary>
    public byte[] Body() => Fixture is null ? [] : File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Elasticsearch", Fixture));
}
