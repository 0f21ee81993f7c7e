namespace Shop.Silo.Configuration;

/// <summary>Where one logical grain storage keeps its state.</summary>
public enum StorageBackend
{
    /// <summary>In the silo's memory (development; lost on restart).</summary>
    Memory = 0,

    /// <summary>PostgreSQL through Orleans' ADO.NET persistence.</summary>
    Postgres = 1,

    /// <summary>Redis through Orleans' Redis persistence.</summary>
    Redis = 2,

    /// <summary>MongoDB through Shop.Integrations.MongoDB.</summary>
    MongoDB = 3,
}
