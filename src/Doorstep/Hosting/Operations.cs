using System.Text.Encodings.Web;
using System.Text.Unicode;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;

namespace Doorstep.Hosting;

public static class Operations
{
    /// <summary>Structured logs, request limits and the health checks.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        // Spreadsheets are the largest thing anyone sends; everything else is a small form.
        var uploads = UploadLimit.From(builder.Configuration);
        builder.Services.AddSingleton(uploads);
        builder.Services.Configure<KestrelServerOptions>(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = uploads.RequestBytes;
        });
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<DoorstepDb>("database")
            .AddCheck<PersonalDataKeyHealthCheck>("personal-data key");
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static void MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        // Liveness runs no check: a restart cannot cure a slow database, and load balancers and
        // benchmarks want the cheapest answer the app can give.
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapOpenApi("/api/{documentName}/openapi.json");
    }

    /// <summary>
    /// "Healthy", or the status followed by each failing check and why (a wrong personal-data key
    /// says so): the operator reading it is the one who can fix it, and it names no data.
    /// </summary>
    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Exception?.Message ?? e.Value.Status.ToString()}");
        return context.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())));
    }

    /// <summary>The JSON API's conventions: enums by name, an OpenAPI document at /api/v1/openapi.json.</summary>
    public static IServiceCollection AddDoorstepApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Doorstep 家门口 API";
            document.Info.Description = "与页面相同的数据范围、校验与操作日志。需先登录（Cookie）。";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>Razor Pages served from the feature folders, with Chinese left unescaped in HTML.</summary>
    public static IServiceCollection AddDoorstepPages(this IServiceCollection services)
    {
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o =>
            {
                SpeakChinese(o.ModelBindingMessageProvider);
                // A form's rules across fields run even when a field is wrong, so every problem shows at once.
                o.ValidateComplexTypesIfChildValidationFails = true;
                o.Filters.Add<BusyDatabaseFilter>();
            });
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Pages/Shared/{0}.cshtml"));
        services.AddSingleton<NavMenu>();
        // Razor escapes every CJK character as &#x...; by default, a third more bytes on every page.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.GeneralPunctuation,
            UnicodeRanges.CjkSymbolsandPunctuation, UnicodeRanges.CjkUnifiedIdeographs,
            UnicodeRanges.CjkUnifiedIdeographsExtensionA, UnicodeRanges.HalfwidthandFullwidthForms,
            UnicodeRanges.LetterlikeSymbols, UnicodeRanges.Arrows));
        return services;
    }

    /// <summary>What model binding says when a value cannot be read, e.g. letters in a date box.</summary>
    private static void SpeakChinese(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((_, field) => $"“{field}”的格式不正确，请按提示重新填写。");
        m.SetUnknownValueIsInvalidAccessor(field => $"“{field}”的格式不正确，请按提示重新填写。");
        m.SetValueIsInvalidAccessor(_ => "填写的内容格式不正确，请按提示重新填写。");
        m.SetValueMustBeANumberAccessor(field => $"“{field}”应填写数字。");
        m.SetMissingBindRequiredValueAccessor(field => $"请填写“{field}”。");
        m.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "填写的内容格式不正确，请按提示重新填写。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的内容格式不正确，请按提示重新填写。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "此项应填写数字。");
        m.SetValueMustNotBeNullAccessor(_ => "此项不能为空。");
    }
}
