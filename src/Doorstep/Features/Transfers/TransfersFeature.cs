using Doorstep.Features.Members;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Transfers;

public static class TransfersFeature
{
    /// <summary>Applying for and acting on transfers: the sub-district and the areas that hold files.</summary>
    public const string HandleTransfers = "Transfers.Handle";

    public static IServiceCollection AddTransfers(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(HandleTransfers, p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre));
        services.AddNavItem(new NavItem("组织关系接转", "/Transfers/Index", HandleTransfers, 30));
        services.AddSingleton(new MemberFileLink("办理组织关系转出", HandleTransfers, "/Transfers/Apply/{0}"));
        services.AddScoped<IMemberTimelineSource, TransferTimeline>();
        services.AddAuditSubject<TransferAuditLabels>();
        services.AddHomeFigures<TransferFigures>();
        return services;
    }
}
