using System.Security.Claims;

namespace Doorstep.Infrastructure;

/// <summary>Who is acting, and which data they may reach. One per request; the DbContext reads it.</summary>
public sealed record CurrentUser(string? Id, string Name, DataScope Scope)
{
    /// <summary>
    /// Work outside any request that has not said who it acts for: it sees nothing and may change
    /// nothing scoped. A forgotten <see cref="CurrentUserAccessor.ActAs"/> then shows up as an empty
    /// result or a refused save, never as a silent read of every file.
    /// </summary>
    public static readonly CurrentUser Unspecified = new(null, "后台（未指定身份）", DataScope.Nobody);

    /// <summary>
    /// Work that must see and change everything (migrations, seeding, commands) asks for it by name,
    /// through <see cref="CurrentUserAccessor.ActAs"/>; the name stands in the audit as who acted.
    /// </summary>
    public static CurrentUser System(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return new(null, $"系统：{purpose}", DataScope.Everything);
    }

    public static CurrentUser From(HttpContext? http)
    {
        if (http is null)
        {
            return Unspecified;
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
    /// Work outside a request acts for someone named: background work a user started (a member import,
    /// a job) as that user, with their scope and their name in the audit; system work as
    /// <see cref="CurrentUser.System"/>. Holds for the calling async flow until disposed.
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
