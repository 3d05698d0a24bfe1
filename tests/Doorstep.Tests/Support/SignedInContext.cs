using System.Globalization;
using System.Security.Claims;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Support;

/// <summary>
/// A context on a SQLite file for a user of the given role and scope claims, as a request would have
/// it, for tests that look at the SQL or plans the query filters produce without an app around them.
/// </summary>
public static class SignedInContext
{
    public static SqliteDoorstepDb Sqlite(string file, string role, params (string Type, int Value)[] scope)
    {
        var identity = new ClaimsIdentity(
            scope.Select(s => new Claim(s.Type, s.Value.ToString(CultureInfo.InvariantCulture))).Append(new Claim(ClaimTypes.Role, role)),
            "test");
        var http = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) } };
        var options = new DbContextOptionsBuilder<SqliteDoorstepDb>().UseSqlite($"Data Source={file}").Options;
        return new SqliteDoorstepDb(options, new CurrentUserAccessor(http), TimeProvider.System);
    }
}
