using Microsoft.Extensions.Options;

namespace Shop.Silo.Lifecycle;

/// <summary>The rules between <see cref="ShopMembershipOptions"/> settings that single-value ranges cannot say.</summary>
public sealed class ShopMembershipOptionsValidator : IValidateOptions<ShopMembershipOptions>
{
    /// <summary>Orleans' <c>NumProbedSilos</c>: no silo has more voters than this.</summary>
    private const int ProbedSilos = 10;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ShopMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string s = ShopMembershipOptions.Section;
        if (options.NumVotesForDeathDeclaration > ProbedSilos)
        {
            failures.Add($"Setting {s}:NumVotesForDeathDeclaration={options.NumVotesForDeathDeclaration} exceeds the {ProbedSilos} silos that probe each silo: no silo could ever be declared dead.");
        }

        // A silo started after a full crash passes the join check only once the crashed rows are stale and probed out.
        var joinNeeds = options.StaleAfter + options.DeathDetectionTime + options.ProbeTimeout;
        if (options.MaxJoinAttemptTime <= joinNeeds)
        {
            failures.Add($"Setting {s}:MaxJoinAttemptTime={options.MaxJoinAttemptTime} must exceed IAmAlivePeriod x NumMissedTableIAmAliveLimit + ProbeTimeout x (NumMissedProbesLimit + 1) = {joinNeeds}: a silo started after a full crash could not join.");
        }

        if (options.DefunctSiloExpiration <= options.StaleAfter)
        {
            failures.Add($"Setting {s}:DefunctSiloExpiration={options.DefunctSiloExpiration} must exceed IAmAlivePeriod x NumMissedTableIAmAliveLimit = {options.StaleAfter}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
