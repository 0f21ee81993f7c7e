namespace Shop.Grains;

/// <summary>
/// The clock the grains read, registered as a keyed <see cref="TimeProvider"/> so tests can replace it (with a
/// FakeTimeProvider) without moving the clock Orleans itself uses for membership, timers and reminders.
/// </summary>
public static class ShopClock
{
    /// <summary>The service key of the grains' <see cref="TimeProvider"/>.</summary>
    public const string Key = "shop";
}
