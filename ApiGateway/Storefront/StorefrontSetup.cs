using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Shop.ApiGateway.Storefront;

/// <summary>
/// Serves the storefront (the Vite build in wwwroot) as a single-page app: its files with caching headers, and
/// <c>index.html</c> for every other browser GET that no API, probe or document route answers.
/// </summary>
public static class StorefrontSetup
{
    /// <summary>The page served before the storefront is built (committed, unlike the build's index.html).</summary>
    public const string NotBuiltPage = "storefront-not-built.html";

    /// <summary>Cache policy of hashed build assets: their name changes whenever their content does.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    private const string IndexPage = "index.html";
    // Folders whose file names carry a hash of their content: the build's assets and the product drawings.
    private static readonly string[] HashedFolders = ["/assets", "/images/products"];

    // Paths that belong to the API and the operator endpoints: an unknown one stays a problem+json 404.
    private static readonly string[] ReservedPrefixes = ["/v1", "/healthz", "/readyz", "/metrics", "/openapi", "/scalar", "/dashboard"];

    /// <summary>Serves wwwroot's files: hashed assets and product images cached for a year, everything else revalidated.</summary>
    public static WebApplication UseShopStorefrontFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // API and operator paths skip the file lookups: they are never files, and looking (a directory listing and a
        // stat per request) was a measurable share of every API call's CPU.
        app.UseWhen(context => !IsReserved(context.Request.Path), storefront =>
        {
            storefront.UseDefaultFiles();
            storefront.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => SetCacheControl(context.Context) });
        });
        return app;
    }

    /// <summary>Answers browser navigations to the storefront's own routes with its index page.</summary>
    public static WebApplication MapShopStorefrontFallback(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = app.Environment.WebRootFileProvider;
        app.MapFallback("{*path:nonfile}", context => ServeIndexAsync(context, files)).AllowAnonymous();
        return app;
    }

    /// <summary>Whether a path belongs to the API or an operator endpoint rather than to the storefront.</summary>
    public static bool IsReserved(PathString path) =>
        ReservedPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static Task ServeIndexAsync(HttpContext context, IFileProvider files)
    {
        var page = files.GetFileInfo(IndexPage) is { Exists: true } index ? index : files.GetFileInfo(NotBuiltPage);
        if (IsReserved(context.Request.Path) || !page.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.SendFileAsync(page);
    }

    private static void SetCacheControl(HttpContext context)
    {
        context.Response.Headers[HeaderNames.CacheControl] =
            HashedFolders.Any(folder => context.Request.Path.StartsWithSegments(folder, StringComparison.Ordinal))
                ? ImmutableCacheControl
                : "no-cache";
    }
}
