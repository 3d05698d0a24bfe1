using System.Security.Claims;

namespace Doorstep.Infrastructure;

/// <summary>Who is acting, and which data they may reach. One per request; the DbContext reads it.</summary>
public sealed record CurrentUser(string? Id, string Name, DataScope Scope)
{
    /// <summary>Start-up, seeding and commands run outside any request and see everything.</summary>
    public static readonly CurrentUser System = new(null, "系统", DataScope.Everything);

    public static CurrentUser From(HttpContext? http)
    {
        if (http is null)
        {
            return System;
        }

        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        if (http.Items[typeof(CurrentUser)] is CurrentUser known && known.Id == user.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return known;
        }

        var current = new CurrentUser(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "?", DataScope.For(user));
        http.Items[typeof(CurrentUser)] = current;
        return current;
    }

    private static readonly CurrentUser Anonymous = new(null, "匿名", DataScope.Nobody);
}

/// <summary>
/// Reads the current user when asked, not when constructed: the DbContext of a request is first
/// created while the sign-in cookie is still being checked, before the request has a user.
/// </summary>
public sealed class CurrentUserAccessor(IHttpContextAccessor http)
{
    private static readonly AsyncLocal<CurrentUser?> Acting = new();

    public CurrentUser Current => Acting.Value ?? CurrentUser.From(http.HttpContext);

    /// <summary>
    /// Background work started by a user (a member import) runs outside the request but must keep
    /// that user's scope and name in the audit. Holds for the calling async flow until disposed.
    /// </summary>
    public static IDisposable ActAs(CurrentUser user)
    {
        var previous = Acting.Value;
        Acting.Value = user;
        return new Restore(previous);
    }

    private sealed class Restore(CurrentUser? previous) : IDisposable
    {
        public void Dispose() => Acting.Value = previous;
    }
}
