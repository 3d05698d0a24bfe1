namespace Doorstep.Infrastructure;

/// <summary>
/// One entry of the main navigation, leading to a page by its name (/Transfers/Index), so that it
/// follows the page if it moves. Each feature registers its own; the layout shows an entry only when
/// the signed-in user satisfies its policy.
/// </summary>
public sealed record NavItem(string Title, string Page, string Policy, int Order);

public static class NavigationSetup
{
    public static IServiceCollection AddNavItem(this IServiceCollection services, NavItem item) =>
        services.AddSingleton(item);
}
