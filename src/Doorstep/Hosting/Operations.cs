using System.Text.Encodings.Web;
using System.Text.Unicode;
using Doorstep.Data;
using Doorstep.Data.Demo;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.WebEncoders;

namespace Doorstep.Hosting;

public static class Operations
{
    /// <summary>Structured logs, request limits and the health check.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.Services.Configure<KestrelServerOptions>(o =>
        {
            o.AddServerHeader = false;
            // Spreadsheets are the largest thing anyone sends; everything else is a small form.
            o.Limits.MaxRequestBodySize = 60 * 1024 * 1024;
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<DoorstepDb>("database");
        builder.Services.AddProblemDetails();
        builder.Services.AddScoped<DemoData>();
        return builder;
    }

    public static void MapOperations(this WebApplication app) =>
        app.MapHealthChecks("/healthz").AllowAnonymous();

    /// <summary>Razor Pages served from the feature folders, with Chinese left unescaped in HTML.</summary>
    public static IServiceCollection AddDoorstepPages(this IServiceCollection services)
    {
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Pages/Shared/{0}.cshtml"));
        // Razor escapes every CJK character as &#x...; by default, a third more bytes on every page.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.GeneralPunctuation,
            UnicodeRanges.CjkSymbolsandPunctuation, UnicodeRanges.CjkUnifiedIdeographs,
            UnicodeRanges.CjkUnifiedIdeographsExtensionA, UnicodeRanges.HalfwidthandFullwidthForms,
            UnicodeRanges.LetterlikeSymbols, UnicodeRanges.Arrows));
        return services;
    }
}
