namespace Shop.LoadTests.Preparation;

/// <summary>Why preparing a scenario could not go on.</summary>
public enum PreparationFailure
{
    /// <summary>The shop answered a preparation request with an error that waiting does not cure.</summary>
    Refused,

    /// <summary>The shop kept refusing with 429 (or 503) beyond the back-off budget.</summary>
    RateLimited,
}
