using Microsoft.AspNetCore.ResponseCompression;

namespace Doorstep.Hosting;

/// <summary>
/// Stylesheets and scripts are compressed for browsers that accept it and, when the URL carries their
/// version (asp-append-version), cached for a year. Pages and API answers are not compressed here:
/// they hold antiforgery tokens and personal data beside text the requester chooses (BREACH). See
/// docs/adr/0009-compression-of-static-files-only.md.
/// </summary>
public static class StaticFiles
{
    public static IServiceCollection AddStaticFileCompression(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            // Safe over HTTPS because nothing on this list holds a secret.
            o.EnableForHttps = true;
            o.MimeTypes = ["text/css", "text/javascript", "application/javascript"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });

    public static WebApplication UseCompressedStaticFiles(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                // The version is the file's hash: a changed file gets a new URL, so the old one never goes stale.
                if (context.Context.Request.Query.ContainsKey("v"))
                {
                    context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
        return app;
    }
}
