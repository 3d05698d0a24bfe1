using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Doorstep.Infrastructure;

/// <summary>
/// One entry of the main navigation, leading to a page by its name (/Transfers/Index), so that it
/// follows the page if it moves. Each feature registers its own; the layout shows an entry only when
/// the signed-in user satisfies its policy.
/// </summary>
public sealed record NavItem(string Title, string Page, string Policy, int Order);

/// <summary>
/// The entries a signed-in user sees, decided by the authorization service. While every entry's
/// policy asks for roles and nothing else, what a user sees follows from their roles alone, so it is
/// decided once per set of roles and remembered: asking all 13 policies on every page cost the member
/// list 19 of its 187 KB of allocations (each refusal also spells its reasons out for the log). A
/// policy that asks for more makes every user's entries be decided on every page again.
/// </summary>
public sealed class NavMenu(IEnumerable<NavItem> items, IAuthorizationService authorization, IAuthorizationPolicyProvider policies)
{
    private static readonly string[] KnownRoles = [.. Roles.All, Roles.CardHolder];

    private readonly NavItem[] _items = [.. items.OrderBy(i => i.Order)];
    private readonly ConcurrentDictionary<int, NavItem[]> _byRoles = new();
    private bool? _rolesAlone;

    public async ValueTask<IReadOnlyList<NavItem>> VisibleAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        _rolesAlone ??= await PoliciesAskForRolesAloneAsync();
        if (_rolesAlone == false)
        {
            return await DecideAsync(user);
        }

        var roles = RolesOf(user);
        return _byRoles.TryGetValue(roles, out var visible) ? visible : _byRoles[roles] = await DecideAsync(user);
    }

    private async Task<NavItem[]> DecideAsync(ClaimsPrincipal user)
    {
        var visible = new List<NavItem>();
        foreach (var item in _items)
        {
            if ((await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
            {
                visible.Add(item);
            }
        }

        return [.. visible];
    }

    private async Task<bool> PoliciesAskForRolesAloneAsync()
    {
        foreach (var item in _items)
        {
            var policy = await policies.GetPolicyAsync(item.Policy) ?? throw new InvalidOperationException($"No policy named {item.Policy}.");
            if (!policy.Requirements.All(r => r is DenyAnonymousAuthorizationRequirement
                || (r is RolesAuthorizationRequirement roles && roles.AllowedRoles.All(KnownRoles.Contains))))
            {
                return false;
            }
        }

        return true;
    }

    private static int RolesOf(ClaimsPrincipal user)
    {
        var held = 0;
        for (var i = 0; i < KnownRoles.Length; i++)
        {
            if (user.IsInRole(KnownRoles[i]))
            {
                held |= 1 << i;
            }
        }

        return held;
    }
}

public static class NavigationSetup
{
    public static IServiceCollection AddNavItem(this IServiceCollection services, NavItem item) =>
        services.AddSingleton(item);
}
