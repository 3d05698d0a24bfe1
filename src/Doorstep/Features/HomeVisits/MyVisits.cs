using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// 我的走访's data work, shared by the page and the benchmark (visits.my-visits): the outstanding
/// tasks of running campaigns assigned to the user (and, for an area cadre, their area's unassigned
/// ones), counted, the revisits due counted, and one page read in address order with the member's
/// name, age, address, care needs and phone.
/// </summary>
public static class MyVisits
{
    public const int PageSize = 100;

    public sealed record Row(int TaskId, string Campaign, string Name, DateOnly BirthDate, string? Address, CareNeeds CareNeeds,
        string? PhoneCipher, string? PhoneTail, string? PhoneAreaCode, VisitTaskStatus Status, DateOnly? RevisitOn);

    public sealed record Result(int Count, int DueToday, Pager Pager, IReadOnlyList<Row> Rows);

    /// <summary>How many tasks wait for the user: the home page's figure, as the page counts them.</summary>
    public static async Task<int> CountAsync(DoorstepDb db) => await Outstanding(db, (await RunningAsync(db, default)).Keys).CountAsync();

    public static async Task<Result> PageAsync(DoorstepDb db, DateOnly today, int page, Func<int, string> link, CancellationToken cancellationToken = default)
    {
        var running = await RunningAsync(db, cancellationToken);
        var tasks = Outstanding(db, running.Keys);
        var count = await tasks.CountAsync(cancellationToken);
        var dueToday = await tasks.CountAsync(t => t.RevisitOn != null && t.RevisitOn <= today, cancellationToken);
        var pager = new Pager(page, PageSize, count, link);
        var rows = await tasks
            .OrderBy(t => t.Member.ResidenceAddress ?? t.Member.RegisteredAddress).ThenBy(t => t.Id)
            .Skip(pager.Skip).Take(pager.PageSize)
            .Select(t => new
            {
                t.Id,
                t.CampaignId,
                t.Member.Name,
                t.Member.BirthDate,
                Address = t.Member.ResidenceAddress ?? t.Member.RegisteredAddress,
                t.Member.CareNeeds,
                t.Member.PhoneCipher,
                t.Member.PhoneTail,
                t.Member.PhoneAreaCode,
                t.Status,
                t.RevisitOn,
            })
            .ToListAsync(cancellationToken);
        return new Result(count, dueToday, pager, rows.Select(r => new Row(
            r.Id, running[r.CampaignId], r.Name, r.BirthDate, r.Address, r.CareNeeds, r.PhoneCipher, r.PhoneTail, r.PhoneAreaCode, r.Status, r.RevisitOn)).ToList());
    }

    /// <summary>The running campaigns in scope (a few), with their titles.</summary>
    private static Task<Dictionary<int, string>> RunningAsync(DoorstepDb db, CancellationToken cancellationToken) =>
        db.InScope<VisitCampaign>().AsNoTracking().Where(c => c.Status == CampaignStatus.Running).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);

    /// <summary>
    /// Sought by (CampaignId, AreaId, Status) for each running campaign, on an index that also holds
    /// RevisitOn and AssignedToId, so the counts read the index alone.
    /// </summary>
    private static IQueryable<VisitTask> Outstanding(DoorstepDb db, IEnumerable<int> running)
    {
        var campaigns = running.ToList();
        var me = db.CurrentUser.Id;
        var cadre = db.CurrentUser.Scope.Kind == ScopeKind.ResidentialArea;
        return db.InScope<VisitTask>().AsNoTracking()
            .Where(t => campaigns.Contains(t.CampaignId))
            .Where(t => t.Status == VisitTaskStatus.Open || t.Status == VisitTaskStatus.Revisit)
            .Where(t => t.AssignedToId == me || (cadre && t.AssignedToId == null));
    }
}
