namespace Shop.LoadTests.Cli;

/// <summary>The load suite's exit codes, as <c>--help</c> and the README list them.</summary>
public static class ExitCodes
{
    /// <summary>Every scenario passed (or the verb did what it was asked).</summary>
    public const int Passed = 0;

    /// <summary>A scenario had errors above <c>--max-error-rate</c> or a broken invariant.</summary>
    public const int ScenarioFailed = 1;

    /// <summary>The command line is wrong, or a file it names cannot be read or written.</summary>
    public const int Usage = 2;

    /// <summary>The shop cannot be reached (refused, no answer, name unknown).</summary>
    public const int Unreachable = 3;

    /// <summary>The shop refused a preparation request (a 4xx or 5xx other than a rate limit), or does not answer like the shop.</summary>
    public const int PreparationRefused = 4;

    /// <summary>The shop's auth rate limit outlasted <c>--prepare-timeout</c> while preparing shoppers.</summary>
    public const int RateLimited = 5;

    /// <summary>Interrupted with Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
