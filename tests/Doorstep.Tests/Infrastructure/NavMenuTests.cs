using System.Security.Claims;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Infrastructure;

public class NavMenuTests
{
    private static NavMenu Menu(Action<AuthorizationBuilder> policies, params NavItem[] items)
    {
        var services = new ServiceCollection().AddLogging();
        policies(services.AddAuthorizationBuilder());
        foreach (var item in items)
        {
            services.AddNavItem(item);
        }

        return ActivatorUtilities.CreateInstance<NavMenu>(services.BuildServiceProvider());
    }

    private static ClaimsPrincipal User(string role, params Claim[] claims) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role), .. claims], "test"));

    private static async Task<string[]> Titles(NavMenu menu, ClaimsPrincipal user) =>
        [.. (await menu.VisibleAsync(user)).Select(i => i.Title)];

    [Fact]
    public async Task Users_of_each_role_see_their_own_entries_however_often_they_ask()
    {
        var menu = Menu(
            b => b.AddPolicy("admin", p => p.RequireRole(Roles.SubDistrictAdmin)).AddPolicy("staff", p => p.RequireRole(Roles.SubDistrictAdmin, Roles.AreaCadre)),
            new NavItem("账户管理", "/Accounts/Users/Index", "admin", 2), new NavItem("党员档案", "/Members/Index", "staff", 1));

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(["党员档案", "账户管理"], await Titles(menu, User(Roles.SubDistrictAdmin)));
            Assert.Equal(["党员档案"], await Titles(menu, User(Roles.AreaCadre)));
            Assert.Empty(await Titles(menu, User(Roles.Volunteer)));
        }

        Assert.Empty(await menu.VisibleAsync(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public async Task An_entry_whose_policy_asks_for_more_than_roles_is_decided_for_each_user()
    {
        var menu = Menu(
            b => b.AddPolicy("zhangqiao", p => p.RequireRole(Roles.AreaCadre).RequireClaim(DataScope.Claims.ResidentialArea, "1")),
            new NavItem("张桥专页", "/Members/Index", "zhangqiao", 1));

        Assert.Equal(["张桥专页"], await Titles(menu, User(Roles.AreaCadre, new Claim(DataScope.Claims.ResidentialArea, "1"))));
        Assert.Empty(await Titles(menu, User(Roles.AreaCadre, new Claim(DataScope.Claims.ResidentialArea, "2"))));
    }
}
