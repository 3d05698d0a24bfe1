using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>
/// What every benchmark class shares: the target, the first sub-district and its admin, and a turn
/// counter that rotates a benchmark through its inputs, so that no single value is measured warm
/// from the database's cache alone.
/// </summary>
public abstract class SuiteBenchmarks
{
    private int _turn;

    protected static BenchTarget Target => BenchTarget.Current;

    protected int SubDistrictId { get; private set; }
    protected CurrentUser Admin { get; private set; } = CurrentUser.System("基准测试");
    protected PersonalDataProtector Protector { get; private set; } = null!;
    protected DateOnly Today { get; private set; }

    protected async Task SetUpSubDistrictAsync()
    {
        SubDistrictId = await Target.FirstSubDistrictAsync();
        Admin = BenchTarget.SubDistrictAdmin(SubDistrictId);
        Protector = Target.Protector;
        Today = ChinaTime.Today(TimeProvider.System);
    }

    protected T Next<T>(IReadOnlyList<T> inputs) => inputs[_turn++ % inputs.Count];

    /// <summary>
    /// The member list page's data work (Features/Members/Index and the members API), by the same
    /// methods they call: <see cref="MemberQueries.Matches"/> (the name index for a name search, else
    /// the filter), its count, then one page of rows. Returns the rows shown.
    /// </summary>
    protected Task<int> ListPageAsync(CurrentUser user, MemberFilter filter, int page = 1) =>
        Target.AsAsync(user, async db =>
        {
            var matches = filter.Matches(db, Today, Protector);
            var total = await matches.CountAsync();
            var pager = new Pager(page, MemberQueries.PageSize, total, _ => "");
            var rows = await matches.PageAsync(pager.Skip);
            return rows.Count;
        });

    /// <summary>Up to count items taken evenly through the list (all of them when it is shorter): deterministic and spread.</summary>
    protected static List<T> Spread<T>(IReadOnlyList<T> items, int count) =>
        items.Count <= count ? [.. items] : [.. Enumerable.Range(0, count).Select(i => items[i * items.Count / count])];
}
