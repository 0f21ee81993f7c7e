using Microsoft.Playwright;

namespace Shop.E2E.Tests.Infrastructure;

/// <summary>The screen sizes the storefront is checked at.</summary>
public static class Viewports
{
    /// <summary>A laptop screen.</summary>
    public static ViewportSize Desktop { get; } = new() { Width = 1280, Height = 800 };

    /// <summary>A phone held upright.</summary>
    public static ViewportSize Phone { get; } = new() { Width = 390, Height = 844 };
}
