namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>What the manifest tests render: each overlay, and production with the Kong Ingress Controller component.</summary>
public static class Overlays
{
    /// <summary>xUnit data: overlay name and components.</summary>
    public static TheoryData<string, string> All => new()
    {
        { "local", "" },
        { "production", "" },
        { "production", "kong-ingress" },
    };

    /// <summary>Renders one entry of <see cref="All"/>.</summary>
    public static Task<Rendered> RenderAsync(string overlay, string components) =>
        Rendered.OverlayAsync(overlay, components.Split(',', StringSplitOptions.RemoveEmptyEntries));
}
