using Doorstep.Infrastructure;

namespace Doorstep.Features.Organizations;

public static class OrganizationsFeature
{
    public const string ViewOrganizations = "Organizations.View";

    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ViewOrganizations, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre, Roles.TemporaryBranchSecretary));
        services.AddNavItem(new NavItem("组织架构", "/Organizations/Index", ViewOrganizations, 20));
        services.AddOrganizationAuditLabels();
        return services;
    }
}
