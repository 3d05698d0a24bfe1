using Doorstep.Infrastructure;

namespace Doorstep.Features.Audit;

public static class AuditFeature
{
    public const string ReadAudit = "Audit.Read";

    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(ReadAudit, p => p.RequireRole(Roles.SubDistrictAdmin));
        services.AddNavItem(new NavItem("操作日志", "/Audit/Index", ReadAudit, 80));
        return services;
    }
}
