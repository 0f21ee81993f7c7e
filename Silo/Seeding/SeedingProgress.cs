namespace Shop.Silo.Seeding;

/// <summary>Whether this host's seeding has finished; read by <see cref="SeedingHealthCheck"/>.</summary>
public sealed class SeedingProgress
{
    private volatile bool _finished;
    private volatile string _state = "Seeding has not started.";

    /// <summary>Whether every configured seed (admin, then demo catalog) is in place.</summary>
    public bool Finished => _finished;

    /// <summary>What the seeder is doing, for the readiness report.</summary>
    public string State => _state;

    /// <summary>Records what the seeder is doing now.</summary>
    public void Report(string state) => _state = state;

    /// <summary>Records that seeding has finished.</summary>
    public void Finish()
    {
        _state = "Seeding finished.";
        _finished = true;
    }
}
