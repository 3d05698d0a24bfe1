using Doorstep.Infrastructure;

namespace Doorstep.Features.TemporaryBranches;

/// <summary>
/// 临时党支部: branches formed where members now live, across areas (彩虹之嘉 at 彩虹湾). Membership is
/// extra to the home branch, which keeps the member's file.
/// </summary>
public static class TemporaryBranchesFeature
{
    /// <summary>Forming branches and choosing their members: the sub-district admin.</summary>
    public const string ManageBranches = "TemporaryBranches.Manage";

    /// <summary>Seeing a branch and its members: the admin, and a secretary their own branch, read-only.</summary>
    public const string ViewBranches = "TemporaryBranches.View";

    public static IServiceCollection AddTemporaryBranches(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ManageBranches, p => p.RequireRole(Roles.SubDistrictAdmin))
            .AddPolicy(ViewBranches, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.TemporaryBranchSecretary));
        services.AddNavItem(new NavItem("临时党支部", "/TemporaryBranches/Index", ViewBranches, 40));
        services.AddAuditSubject<TemporaryBranchAuditLabels>();
        return services;
    }
}
