using System.Globalization;
using Shop.LoadTests.Api;

namespace Shop.LoadTests.Preparation;

/// <summary>
/// Sends preparation requests the way a polite client does when the shop pushes back. A 429 or 503 holds every
/// preparation request until its Retry-After has passed (doubling waits from 1 s when it gives none), then they try
/// again. Waiting is bounded by <c>budget</c> over the whole run; when a refusal would outlast it, or when the pace the
/// shop allows would not finish the batch within it, preparation stops with one line naming the shop setting to raise.
/// </summary>
public sealed class RateLimitBackoff
{
    /// <summary>The shop's auth rate limit as an environment variable (configuration key Shop:RateLimits:Auth:PermitLimit).</summary>
    public const string PermitLimitVariable = "Shop__RateLimits__Auth__PermitLimit";

    /// <summary>The default wait budget of <c>--prepare-timeout</c>.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan LongestGuess = TimeSpan.FromSeconds(30);
    private readonly Lock gate = new();
    private readonly TextWriter progress;
    private readonly TimeSpan budget;
    private readonly TimeProvider time;
    private readonly Func<TimeSpan, CancellationToken, Task> pause;
    private DateTimeOffset heldUntil = DateTimeOffset.MinValue;
    private TimeSpan waited;

    /// <summary>A back-off that reports on <paramref name="progress"/> and waits at most <paramref name="budget"/> in all.</summary>
    public RateLimitBackoff(TextWriter progress, TimeSpan budget)
        : this(progress, budget, TimeProvider.System, null)
    {
    }

    /// <summary>As above, on <paramref name="time"/>'s clock, pausing with <paramref name="pause"/> (tests pause on a fake clock).</summary>
    public RateLimitBackoff(TextWriter progress, TimeSpan budget, TimeProvider time, Func<TimeSpan, CancellationToken, Task>? pause)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(time);
        this.progress = progress;
        this.budget = budget;
        this.time = time;
        this.pause = pause ?? ((wait, ct) => Task.Delay(wait, time, ct));
    }

    /// <summary>Time spent waiting so far.</summary>
    public TimeSpan Waited
    {
        get
        {
            lock (gate)
            {
                return waited;
            }
        }
    }

    /// <summary>
    /// Sends with <paramref name="send"/> until the shop answers with something other than 429 or 503, and returns
    /// that answer (successes count towards <paramref name="step"/>).
    /// </summary>
    public async Task<ApiResponse> SendAsync(PreparationStep step, Func<CancellationToken, Task<ApiResponse>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(send);
        for (var attempt = 0; ; attempt++)
        {
            await HoldAsync(cancellationToken).ConfigureAwait(false);
            var sequence = step.Sending(time.GetUtcNow());
            var response = await send(cancellationToken).ConfigureAwait(false);
            if (response.Status is not (429 or 503))
            {
                if (response.Ok)
                {
                    step.Succeeded();
                }

                return response;
            }

            Refused(step, response, sequence, attempt);
        }
    }

    private async Task HoldAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (gate)
        {
            wait = heldUntil - time.GetUtcNow();
        }

        if (wait > TimeSpan.Zero)
        {
            await pause(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Refused(PreparationStep step, ApiResponse response, long sequence, int attempt)
    {
        var wait = response.RetryAfter ?? Guess(attempt);
        var now = time.GetUtcNow();
        var until = now + wait;
        lock (gate)
        {
            // Concurrent requests refused in the same window are one refusal: the first one decides, the rest wait too.
            if (until <= heldUntil + TimeSpan.FromSeconds(1))
            {
                heldUntil = until > heldUntil ? until : heldUntil;
                return;
            }

            var (granted, since, remaining) = step.Refused(sequence);
            var needed = Estimate(remaining, granted, since is { } s ? now - s + wait : wait, wait);
            var left = budget - waited;
            if (wait > left || needed > left)
            {
                throw new PreparationFailedException(PreparationFailure.RateLimited, GiveUp(step, response, wait, granted, needed, now - (since ?? now) + wait));
            }

            waited += wait;
            heldUntil = until;
            var why = response.RetryAfter is null ? "a back-off (no Retry-After)" : "Retry-After";
            var pace = needed > wait ? Line($", about {Seconds(needed)} to finish at this pace") : "";
            progress.WriteLine(Line(
                $"[prepare] {step.What}: HTTP {response.Status}, {step.Done}/{step.Total} done; waiting {Seconds(wait)} as {why} asks{pace}; {Seconds(left - wait)} of --prepare-timeout {Seconds(budget)} left"));
        }
    }

    /// <summary>
    /// How long the rest takes if the shop lets <paramref name="granted"/> requests through per <paramref name="window"/>:
    /// this wait, then one more window for each further batch. Unknown (just this wait) when nothing got through.
    /// </summary>
    internal static TimeSpan Estimate(int remaining, int granted, TimeSpan window, TimeSpan wait)
    {
        if (granted <= 0 || remaining <= granted)
        {
            return wait;
        }

        var windows = (int)Math.Ceiling((double)remaining / granted);
        return wait + ((windows - 1) * (window > wait ? window : wait));
    }

    private string GiveUp(PreparationStep step, ApiResponse response, TimeSpan wait, int granted, TimeSpan needed, TimeSpan window)
    {
        var pace = granted > 0 ? Line($", about {granted} per {Seconds(window)}") : "";
        var what = Line($"The shop refused {step.What} with HTTP {response.Status} ({step.Done}/{step.Total} done{pace}; Retry-After {Seconds(wait)}, about {Seconds(needed)} to finish, beyond --prepare-timeout {Seconds(budget)})");
        return response.Status == 429
            ? Line($"{what}: start the shop with {PermitLimitVariable}=1000000 (configuration Shop:RateLimits:Auth:PermitLimit, permits per client address per Shop:RateLimits:Auth:WindowSeconds), or allow a longer --prepare-timeout.")
            : Line($"{what}: the shop says it is unavailable ({response.Explanation()}); check its /readyz, or allow a longer --prepare-timeout.");
    }

    private static TimeSpan Guess(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(LongestGuess.TotalSeconds, Math.Pow(2, Math.Min(attempt, 10))));

    private static string Seconds(TimeSpan span) => span.TotalSeconds switch
    {
        >= 90 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalSeconds):0} s"),
    };

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
