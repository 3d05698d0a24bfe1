using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Doorstep.Hosting;

/// <summary>
/// What every response tells the browser, and how the app trusts a reverse proxy. Pages run only the
/// app's own script files: no inline script, no on* attributes, no inline style (ADR 0016).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Behind a reverse proxy (Production), X-Forwarded-For/-Proto are believed only from the proxies
    /// configured under ForwardedHeaders:KnownProxies (addresses) and ForwardedHeaders:KnownNetworks
    /// (CIDR, e.g. 10.0.0.0/8); with neither, only a proxy on the loopback is believed.
    /// </summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration config)
    {
        // In Production every cookie (sign-in, antiforgery) is sent over HTTPS only.
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return services;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (app.Environment.IsProduction())
        {
            app.UseForwardedHeaders();
            app.UseHsts();
            app.UseCookiePolicy();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                // Older browsers read X-Frame-Options where they ignore frame-ancestors.
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
