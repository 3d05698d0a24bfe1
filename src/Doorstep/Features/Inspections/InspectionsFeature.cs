using Doorstep.Data.Demo;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;

namespace Doorstep.Features.Inspections;

public static class InspectionsFeature
{
    /// <summary>Reading and working on problem spots: the sub-district, area cadres and department handlers.</summary>
    public const string WorkOnSpots = "Inspections.Work";

    /// <summary>Registering spots and walking rounds: the sub-district and area cadres.</summary>
    public const string ReportSpots = "Inspections.Report";

    /// <summary>Registering a spot on the report form: the sub-district, area cadres and volunteers in their own area(s) (ADR 0025).</summary>
    public const string RegisterSpots = "Inspections.Register";

    /// <summary>A volunteer's own reports and their progress (我发现的问题).</summary>
    public const string OwnReports = "Inspections.OwnReports";

    /// <summary>Categories and the responsibility matrix: the sub-district.</summary>
    public const string ManageInspections = "Inspections.Manage";

    public static IServiceCollection AddInspections(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(WorkOnSpots, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre, Roles.DepartmentHandler))
            .AddPolicy(ReportSpots, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre))
            .AddPolicy(RegisterSpots, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre, Roles.Volunteer))
            .AddPolicy(OwnReports, p => p.RequireRole(Roles.Volunteer))
            .AddPolicy(ManageInspections, p => p.RequireRole(Roles.SubDistrictAdmin));
        services.AddScoped<ProblemSpots>();
        services.AddScoped<SpotFigures>();
        services.AddScoped<SpotLedger>();
        services.AddScoped<RoundWalks>();
        services.AddNavItem(new NavItem("创文排查", "/Inspections/Index", WorkOnSpots, 60));
        services.AddNavItem(new NavItem("我发现的问题", "/Inspections/Mine", OwnReports, 61));
        services.AddAuditSubject<ProblemSpotAuditLabels>();
        services.AddAuditSubject<SpotUpdateAuditLabels>();
        services.AddAuditSubject<InspectionCategoryAuditLabels>();
        services.AddAuditSubject<ResponsibilityRuleAuditLabels>();
        services.AddAuditSubject<InspectionPointAuditLabels>();
        services.AddAuditSubject<InspectionRoundAuditLabels>();
        services.AddAuditSubject<RoundWalkAuditLabels>();
        services.AddAuditSubject<PointCheckAuditLabels>();
        services.AddAuditSubject<AreaPlanAuditLabels>();
        services.AddHomeFigures<InspectionFigures>();
        services.AddHomeFigures<ReporterHomeFigures>();
        services.AddFeatureDemo<InspectionsDemo>();
        services.AddJob<SpotEscalationJob>(SpotEscalationJob.Kind, maxAttempts: 1, every: TimeSpan.FromMinutes(15));
        return services;
    }
}
