using System.Net;
using Doorstep.Features.Accounts;
using Doorstep.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Accounts;

/// <summary>
/// A signed-in phone whose account was disabled or re-scoped stops working within a minute: the
/// cookie is checked against the account's security stamp once it is older than that, not before.
/// </summary>
public sealed class SecurityStampTests
{
    /// <summary>The system's clock, moved on by the test.</summary>
    private sealed class MovableTime : TimeProvider
    {
        public TimeSpan Ahead { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;
    }

    [Fact]
    public async Task A_cookie_whose_account_changed_elsewhere_works_until_its_minute_is_up_and_then_asks_to_sign_in_again()
    {
        var clock = new MovableTime();
        var database = AppHost.NewDatabase();
        try
        {
            await using var node = new AppHost(database, services => services.AddSingleton<TimeProvider>(clock));
            var cadre = await node.SignedInAsync("zhangqiao");

            await node.WithScopeAsync(async services =>
            {
                var users = services.GetRequiredService<UserManager<UserAccount>>();
                return await users.UpdateSecurityStampAsync((await users.FindByNameAsync("zhangqiao"))!);
            });

            Assert.Equal(HttpStatusCode.OK, (await cadre.GetAsync("/HomeVisits/Mine")).StatusCode);

            clock.Ahead = TimeSpan.FromMinutes(2);
            var later = await cadre.GetAsync("/HomeVisits/Mine");
            Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
            Assert.StartsWith("/Accounts/SignIn", later.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        finally
        {
            await AppHost.DropDatabaseAsync(database);
        }
    }
}
