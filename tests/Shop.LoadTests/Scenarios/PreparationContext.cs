using Shop.LoadTests.Api;

namespace Shop.LoadTests.Scenarios;

/// <summary>What preparation gets: the API, the number of workers to prepare for, the shop's catalog and its admin.</summary>
public sealed class PreparationContext(ShopApi api, int workers, ShopData shop, string runId, CancellationToken cancellationToken = default)
{
    /// <summary>The shop.</summary>
    public ShopApi Api => api;

    /// <summary>How many workers run iterations concurrently (one prepared user or cart each).</summary>
    public int Workers => workers;

    /// <summary>Catalog and accounts.</summary>
    public ShopData Shop => shop;

    /// <summary>A short id unique to this run, for SKUs and e-mails.</summary>
    public string RunId => runId;

    /// <summary>Cancelled when the user interrupts the run.</summary>
    public CancellationToken CancellationToken => cancellationToken;
}
