namespace Shop.ServiceDefaults.Clustering;

/// <summary>How silos find each other.</summary>
public enum ClusteringMode
{
    /// <summary>Development clustering on one machine.</summary>
    Localhost = 0,

    /// <summary>Membership table in PostgreSQL (ADO.NET).</summary>
    AdoNet = 1,
}
