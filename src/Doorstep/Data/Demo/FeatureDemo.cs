using Doorstep.Features.Organizations;

namespace Doorstep.Data.Demo;

/// <summary>
/// A feature's part of the demo (a campaign under way, a shelf of books, the Thursday volunteer day …),
/// seeded after the core demo on a new database, in <see cref="Order"/>. Each feature registers its own
/// with <see cref="FeatureDemoSetup.AddFeatureDemo{T}"/>, so the core demo names no feature.
/// </summary>
public interface IFeatureDemo
{
    int Order { get; }

    /// <summary>Accounts this part creates, listed on the sign-in page in demo mode.</summary>
    IReadOnlyList<DemoData.DemoAccount> Accounts => [];

    /// <summary>Runs as the system, once, right after the core demo; deterministic from <see cref="DemoSubDistrict.Random"/>.</summary>
    Task SeedAsync(DemoSubDistrict demo);
}

/// <summary>What the core demo made, for the features' parts to build on.</summary>
public sealed record DemoSubDistrict(
    SubDistrict SubDistrict,
    IReadOnlyDictionary<string, ResidentialArea> AreasByName,
    IReadOnlyDictionary<string, Department> DepartmentsByName,
    OrgUnit TemporaryBranch,
    DateOnly Today,
    Random Random);

public static class FeatureDemoSetup
{
    public static IServiceCollection AddFeatureDemo<T>(this IServiceCollection services) where T : class, IFeatureDemo =>
        services.AddScoped<IFeatureDemo, T>();
}
