using Doorstep.Data.Demo;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Activities;

public static class ActivitiesFeature
{
    /// <summary>Planning activities, signing people up, checking them in, counting: the sub-district and the areas.</summary>
    public const string PlanActivities = "Activities.Plan";

    /// <summary>A volunteer's own schedule, hours and check-in on their phone.</summary>
    public const string OwnSchedule = "Activities.OwnSchedule";

    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PlanActivities, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre))
            .AddPolicy(OwnSchedule, p => p.RequireRole(Roles.Volunteer));
        services.AddScoped<ActivityTokens>();
        services.AddScoped<AttendanceBook>();
        services.AddScoped<IVolunteerAreas, Volunteers.RosterVolunteerAreas>();
        services.AddNavItem(new NavItem("活动与志愿者", "/Activities/Index", PlanActivities, 45));
        services.AddNavItem(new NavItem("我的志愿服务", "/Activities/Mine", OwnSchedule, 46));
        services.AddScoped<IMemberTimelineSource, AttendanceTimeline>();
        services.AddAuditSubject<ActivityAuditLabels>();
        services.AddAuditSubject<AttendanceAuditLabels>();
        services.AddAuditSubject<ActivityChangeAuditLabels>();
        services.AddAuditSubject<ActivityTallyAuditLabels>();
        services.AddAuditSubject<ActivityPhotoAuditLabels>();
        services.AddAuditSubject<VolunteerAuditLabels>();
        services.AddHomeFigures<ActivityHomeFigures>();
        services.AddHomeFigures<VolunteerHomeFigures>();
        services.AddFeatureDemo<ActivitiesDemo>();
        return services;
    }
}
