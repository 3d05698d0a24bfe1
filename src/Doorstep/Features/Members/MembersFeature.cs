using Doorstep.Features.Members.Import;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Members;

public static class MembersFeature
{
    /// <summary>Reading member files: every role with a member scope (the district's read only).</summary>
    public const string MemberFiles = "Members.Files";

    /// <summary>Creating and changing files: the sub-district and the area that hold them.</summary>
    public const string EditMembers = "Members.Edit";

    /// <summary>Exporting the list with full ID numbers and phones: the sub-district admin alone, with a reason.</summary>
    public const string FullExport = "Members.FullExport";

    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(MemberFiles, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre, Roles.TemporaryBranchSecretary, Roles.DistrictOrganizationDepartment))
            .AddPolicy(EditMembers, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre))
            .AddPolicy(FullExport, p => p.RequireRole(Roles.SubDistrictAdmin));
        services.AddScoped<Members.MemberFiles>();
        services.AddScoped<MemberFileListeners>();
        services.AddHostedService<NamePinyinBackfill>();
        services.AddNavItem(new NavItem("党员档案", "/Members/Index", MemberFiles, 10));
        services.AddMemberImport();
        services.AddMemberAuditLabels();
        services.AddHomeFigures<MemberFigures>();
        return services;
    }
}
