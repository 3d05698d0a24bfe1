namespace Doorstep.Infrastructure;

/// <summary>One figure on the home page: a count, what it counts, and where to see them, if anywhere.</summary>
public sealed record HomeFigure(int Count, string Label, string? Page = null, object? RouteValues = null);

/// <summary>
/// A feature's figures for the home page, shown to users who satisfy its policy, in the navigation's
/// order. Each feature registers its own (<see cref="HomeFiguresSetup.AddHomeFigures{T}"/>); the home
/// page lists none by hand.
/// </summary>
public interface IHomeFigures
{
    string Policy { get; }
    int Order { get; }

    /// <summary>Counted within the signed-in user's scope.</summary>
    Task<IReadOnlyList<HomeFigure>> CountAsync();
}

public static class HomeFiguresSetup
{
    public static IServiceCollection AddHomeFigures<T>(this IServiceCollection services) where T : class, IHomeFigures =>
        services.AddScoped<IHomeFigures, T>();
}
