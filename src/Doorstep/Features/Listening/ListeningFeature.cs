using System.Threading.RateLimiting;
using Doorstep.Data.Demo;
using Doorstep.Features.Members;
using Doorstep.Hosting;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace Doorstep.Features.Listening;

public static class ListeningFeature
{
    /// <summary>The library (books, chapters, audio): the sub-district's.</summary>
    public const string ManageLibrary = "Listening.ManageLibrary";

    /// <summary>Cards and the listening report: the sub-district and the areas that hold files.</summary>
    public const string HandleCards = "Listening.HandleCards";

    /// <summary>The player's pages: signed in by the card in the URL, nothing else.</summary>
    public const string Listen = "Listening.Listen";

    /// <summary>The rate limiter policy on every card route.</summary>
    public const string CardRateLimit = "listening-card";
    public const string CardRequestsPerMinuteSetting = "Listening:CardRequestsPerMinute";

    public static IServiceCollection AddListening(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, CardAuthentication>(CardAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ManageLibrary, p => p.RequireRole(Roles.SubDistrictAdmin))
            .AddPolicy(HandleCards, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre))
            .AddPolicy(Listen, p => p.AddAuthenticationSchemes(CardAuthentication.SchemeName).RequireRole(Roles.CardHolder));
        services.AddSingleton<CardGuesses>();
        services.AddSingleton<CardHolders>();
        // A recording over the upload limit comes back to its chapter with the refusal at the field.
        services.AddSingleton(new UploadPage("/Listening/Chapters/Edit/{id}"));
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, config) =>
        {
            // A listener's phone asks a few times a minute (page, audio ranges, a save every 10 s);
            // 300 a minute per address leaves room for a club room's shared Wi-Fi and none for a flood.
            // The setting is for a site whose listeners share one address (and for the load test's).
            var perMinute = config.GetValue(CardRequestsPerMinuteSetting, 300);
            o.AddPolicy(CardRateLimit, http => RateLimitPartition.GetTokenBucketLimiter(CardGuesses.Address(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = perMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        });

        services.AddSingleton<ISpeechSynthesizer, EspeakSpeechSynthesizer>();
        services.AddJob<SpeechJob>(SpeechJob.Kind, maxAttempts: 3);

        services.AddNavItem(new NavItem("随身听书库", "/Listening/Books/Index", ManageLibrary, 55));
        services.AddNavItem(new NavItem("随身听收听情况", "/Listening/Report", HandleCards, 56));
        services.AddSingleton(new MemberFileLink("随身听卡", HandleCards, "/Listening/Cards/Member/{0}"));
        services.AddScoped<IMemberTimelineSource, ListeningTimeline>();
        services.AddScoped<IMemberCardReader, CardReader>();
        services.AddAuditSubject<StudyBookAuditLabels>();
        services.AddAuditSubject<StudyChapterAuditLabels>();
        services.AddAuditSubject<ListeningCardAuditLabels>();
        services.AddAuditSubject<ListeningProgressAuditLabels>();
        services.AddAuditSubject<ListeningPreferenceAuditLabels>();
        services.AddHomeFigures<ListeningFigures>();
        services.AddFeatureDemo<ListeningDemo>();
        return services;
    }
}
