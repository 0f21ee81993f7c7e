namespace Shop.ServiceDefaults.Errors;

/// <summary>An exception and every exception inside it (inner exceptions and aggregated ones), outermost first.</summary>
public static class ExceptionChain
{
    /// <summary>Walks <paramref name="exception"/>'s chain; empty for null.</summary>
    public static IEnumerable<Exception> Of(Exception? exception)
    {
        var pending = new Stack<Exception>();
        if (exception is not null)
        {
            pending.Push(exception);
        }

        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
