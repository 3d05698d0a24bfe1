using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// 我的走访's data work, shared by the page and the benchmark (visits.my-visits): the outstanding
/// tasks of running campaigns assigned to the user (and, for an area cadre, their area's unassigned
/// ones), counted, the revisits due counted, and one page read in address order with the member's
/// name, age, address, care needs and phone. The (AssignedToId, Status) index finds them.
/// </summary>
public static class MyVisits
{
    public const int PageSize = 100;

    public sealed record Row(int TaskId, string Campaign, string Name, DateOnly BirthDate, string? Address, CareNeeds CareNeeds,
        string? PhoneCipher, string? PhoneTail, string? PhoneAreaCode, VisitTaskStatus Status, DateOnly? RevisitOn);

    public sealed record Result(int Count, int DueToday, Pager Pager, IReadOnlyList<Row> Rows);

    public static IQueryable<VisitTask> Outstanding(DoorstepDb db)
    {
        var me = db.CurrentUser.Id;
        var cadre = db.CurrentUser.Scope.Kind == ScopeKind.ResidentialArea;
        return db.InScope<VisitTask>().AsNoTracking()
            .Where(t => t.Status == VisitTaskStatus.Open || t.Status == VisitTaskStatus.Revisit)
            .Where(t => t.Campaign.Status == CampaignStatus.Running)
            .Where(t => t.AssignedToId == me || (cadre && t.AssignedToId == null));
    }

    public static async Task<Result> PageAsync(DoorstepDb db, DateOnly today, int page, Func<int, string> link, CancellationToken cancellationToken = default)
    {
        var tasks = Outstanding(db);
        var count = await tasks.CountAsync(cancellationToken);
        var dueToday = await tasks.CountAsync(t => t.RevisitOn != null && t.RevisitOn <= today, cancellationToken);
        var pager = new Pager(page, PageSize, count, link);
        var rows = await tasks
            .OrderBy(t => t.Member.ResidenceAddress ?? t.Member.RegisteredAddress).ThenBy(t => t.Id)
            .Skip(pager.Skip).Take(pager.PageSize)
            .Select(t => new Row(
                t.Id, t.Campaign.Title, t.Member.Name, t.Member.BirthDate, t.Member.ResidenceAddress ?? t.Member.RegisteredAddress,
                t.Member.CareNeeds, t.Member.PhoneCipher, t.Member.PhoneTail, t.Member.PhoneAreaCode, t.Status, t.RevisitOn))
            .ToListAsync(cancellationToken);
        return new Result(count, dueToday, pager, rows);
    }
}
