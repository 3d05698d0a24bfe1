using Doorstep.Infrastructure;

namespace Doorstep.Features.Members;

public static class MembersFeature
{
    /// <summary>Reading and keeping member files: the roles with a member scope.</summary>
    public const string MemberFiles = "Members.Files";

    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(MemberFiles, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre, Roles.TemporaryBranchSecretary));
        services.AddNavItem(new NavItem("党员档案", "/Members", MemberFiles, 10));
        return services;
    }
}
