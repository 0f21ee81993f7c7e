namespace Shop.LoadTests.Preparation;

/// <summary>Preparation cannot go on; the message is one line saying what happened and what to do.</summary>
public sealed class PreparationFailedException : Exception
{
    /// <summary>A failure of <paramref name="kind"/> explained by <paramref name="message"/>.</summary>
    public PreparationFailedException(PreparationFailure kind, string message)
        : base(message) => Kind = kind;

    /// <summary>Without details (for serialisers and analyzers).</summary>
    public PreparationFailedException()
        : this(PreparationFailure.Refused, "Preparation failed.")
    {
    }

    /// <summary>With a message only: a refusal.</summary>
    public PreparationFailedException(string message)
        : this(PreparationFailure.Refused, message)
    {
    }

    /// <summary>With a message and the cause.</summary>
    public PreparationFailedException(string message, Exception innerException)
        : base(message, innerException) => Kind = PreparationFailure.Refused;

    /// <summary>What kind of failure.</summary>
    public PreparationFailure Kind { get; }
}
