using Doorstep.Data.Demo;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;

namespace Doorstep.Features.HomeVisits;

public static class HomeVisitsFeature
{
    /// <summary>Creating, starting and ending campaigns, answering suggestions: the sub-district.</summary>
    public const string RunCampaigns = "HomeVisits.Run";

    /// <summary>Visiting, assigning and reading coverage: the sub-district and the area cadres (their own area by scope).</summary>
    public const string Visit = "HomeVisits.Visit";

    public static IServiceCollection AddHomeVisits(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(RunCampaigns, p => p.RequireRole(Roles.SubDistrictAdmin))
            .AddPolicy(Visit, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre));
        services.AddScoped<VisitReconciliation>();
        services.AddScoped<VisitRecording>();
        services.AddScoped<Coverage>();
        services.AddJob<StartCampaignJob>(StartCampaignJob.Kind, maxAttempts: 3);
        services.AddJob<ReconcileCampaignsJob>(ReconcileCampaignsJob.Kind, maxAttempts: 1, every: ReconcileCampaignsJob.Every);
        services.AddScoped<IMemberFileListener, VisitListener>();
        services.AddNavItem(new NavItem("送学上门", "/HomeVisits/Index", Visit, 50));
        services.AddScoped<IMemberTimelineSource, VisitTimeline>();
        services.AddAuditSubject<CampaignAuditLabels>();
        services.AddAuditSubject<VisitTaskAuditLabels>();
        services.AddAuditSubject<HomeVisitAuditLabels>();
        services.AddAuditSubject<FollowUpAuditLabels>();
        services.AddHomeFigures<VisitFigures>();
        services.AddFeatureDemo<HomeVisitsDemo>();
        return services;
    }
}
