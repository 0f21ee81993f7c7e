namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>
/// Collects every broken rule of a check, each naming the object and field (<c>Deployment/shop-silo:
/// spec.strategy.rollingUpdate.maxUnavailable is 1, expected 0</c>), and fails once with all of them.
/// </summary>
internal sealed class Failures(string overlay)
{
    private readonly List<string> failures = [];

    /// <summary>Records a failure unless <paramref name="holds"/>.</summary>
    public void Check(bool holds, string objectName, string field, string problem)
    {
        if (!holds)
        {
            failures.Add($"{objectName}: {field}: {problem}");
        }
    }

    /// <summary>Fails the test with every recorded failure.</summary>
    public void ThrowIfAny()
    {
        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"overlay {overlay}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", failures));
        }
    }
}
