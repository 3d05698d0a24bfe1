using System.Globalization;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// Keeps a running campaign's tasks equal to its rule (ADR 0017): a task for every member who matches
/// and has none (or had one closed), a closed task with the reason for every outstanding one whose
/// member no longer matches, and a task that follows its member into another taking-part area. The
/// start of a campaign is its first reconciliation, so both paths create tasks the same way. Safe to
/// run again at any point: it compares ids and the unique (campaign, member) index catches a race.
/// </summary>
public sealed class VisitReconciliation(DoorstepDb db, TimeProvider clock)
{
    /// <summary>Tasks changed through EF (and audited one by one) per save.</summary>
    private const int Batch = 1000;

    /// <summary>New tasks written per transaction: a campaign's start reports its progress this often.</summary>
    private const int InsertBatch = 5000;

    /// <summary>The field of the campaign's audit entry that names how many tasks a run added.</summary>
    public const string TasksAddedField = "TasksAdded";

    public sealed record Result(int Added, int Reopened, int Closed, int Moved);

    public async Task<Result> RunAsync(int campaignId, Func<int, int, Task>? report, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<VisitCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is not { Status: CampaignStatus.Running })
        {
            return new Result(0, 0, 0, 0);
        }

        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var matching = await db.Members.AsNoTracking()
            .Where(m => m.SubDistrictId == campaign.SubDistrictId)
            .Where(campaign.Rule.Matches(today))
            .Select(m => new { m.Id, Area = m.OrgUnitAreaId!.Value })
            .ToDictionaryAsync(m => m.Id, m => m.Area, cancellationToken);
        var tasks = await db.Set<VisitTask>().AsNoTracking()
            .Where(t => t.CampaignId == campaignId)
            .Select(t => new { t.Id, t.MemberId, t.Status, t.AreaId })
            .ToDictionaryAsync(t => t.MemberId, cancellationToken);
        var cadres = await CadresByAreaAsync(campaign.SubDistrictId, cancellationToken);

        var toAdd = matching.Where(m => !tasks.ContainsKey(m.Key)).ToList();
        var toReopen = tasks.Values.Where(t => t.Status == VisitTaskStatus.Closed && matching.ContainsKey(t.MemberId)).Select(t => t.Id).ToList();
        var toClose = tasks.Values.Where(t => t.Status is VisitTaskStatus.Open or VisitTaskStatus.Revisit && !matching.ContainsKey(t.MemberId)).ToList();
        var toMove = tasks.Values.Where(t => t.Status is VisitTaskStatus.Open or VisitTaskStatus.Revisit
            && matching.TryGetValue(t.MemberId, out var area) && area != t.AreaId).Select(t => t.Id).ToList();
        var total = Math.Max(1, toAdd.Count + toReopen.Count + toClose.Count + toMove.Count);
        var done = 0;

        // New tasks go straight to their table, a transaction per batch, without an audit row each:
        // starting a campaign of 100,000 members would otherwise write 100,000 audit rows and take
        // minutes. One audit entry on the campaign names how many were added (ADR 0022); each task
        // carries its own CreatedAt, and every later change to it is audited as usual.
        var entity = db.Model.FindEntityType(typeof(VisitTask))!;
        foreach (var chunk in toAdd.Chunk(InsertBatch))
        {
            var rows = chunk.Select(m =>
            {
                var cadre = cadres.GetValueOrDefault(m.Value);
                return (object)new VisitTask
                {
                    CampaignId = campaignId,
                    MemberId = m.Key,
                    SubDistrictId = campaign.SubDistrictId,
                    AreaId = m.Value,
                    AssignedToId = cadre?.Id,
                    AssignedToName = cadre?.Name,
                    Status = VisitTaskStatus.Open,
                    CreatedAt = now,
                };
            }).ToList();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await BulkInsert.InsertAsync(db, entity, rows, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            done += chunk.Length;
            await Report(report, done, total);
        }

        if (toAdd.Count > 0)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                SubDistrictId = campaign.SubDistrictId,
                OccurredAt = now,
                UserId = db.CurrentUser.Id,
                UserName = db.CurrentUser.Name,
                EntityType = nameof(VisitCampaign),
                EntityId = campaignId.ToString(CultureInfo.InvariantCulture),
                Action = AuditAction.Updated,
                Changes = AuditTrail.Serialize([new AuditChange(TasksAddedField, null, toAdd.Count.ToString(CultureInfo.InvariantCulture))]),
            });
            await SaveBatchAsync(cancellationToken);
        }

        foreach (var chunk in toReopen.Concat(toMove).Chunk(Batch))
        {
            foreach (var task in await db.Set<VisitTask>().Where(t => chunk.Contains(t.Id)).ToListAsync(cancellationToken))
            {
                var area = matching[task.MemberId];
                if (task.Status == VisitTaskStatus.Closed)
                {
                    task.Status = VisitTaskStatus.Open;
                    task.ClosedReason = null;
                    task.ClosedAt = null;
                }

                if (task.AreaId != area || task.AssignedToId is null)
                {
                    var cadre = cadres.GetValueOrDefault(area);
                    task.AreaId = area;
                    task.AssignedToId = cadre?.Id;
                    task.AssignedToName = cadre?.Name;
                }
            }

            await SaveBatchAsync(cancellationToken);
            done += chunk.Length;
            await Report(report, done, total);
        }

        var areas = campaign.Areas;
        foreach (var chunk in toClose.Chunk(Batch))
        {
            var ids = chunk.Select(t => t.Id).ToList();
            var members = chunk.Select(t => t.MemberId).ToList();
            var standing = await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => members.Contains(m.Id))
                .Select(m => new { m.Id, m.Status, m.OrgUnitAreaId }).ToDictionaryAsync(m => m.Id, cancellationToken);
            foreach (var task in await db.Set<VisitTask>().Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken))
            {
                task.Status = VisitTaskStatus.Closed;
                task.ClosedAt = now;
                task.ClosedReason = standing.TryGetValue(task.MemberId, out var m)
                    ? VisitTask.ReasonFor(m.Status, m.OrgUnitAreaId, areas)
                    : TaskClosedReason.NoLongerMatches;
            }

            await SaveBatchAsync(cancellationToken);
            done += chunk.Length;
            await Report(report, done, total);
        }

        return new Result(toAdd.Count, toReopen.Count, toClose.Count, toMove.Count);
    }

    /// <summary>The cadre each area's tasks go to by default: the area's first cadre account by user name, not disabled.</summary>
    public async Task<Dictionary<int, Cadre>> CadresByAreaAsync(int subDistrictId, CancellationToken cancellationToken)
    {
        var cadres = await AreaCadres(subDistrictId).ToListAsync(cancellationToken);
        return cadres.GroupBy(c => c.AreaId).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The accounts that may take an area's visits: its cadres, ordered for a picker.</summary>
    public IQueryable<Cadre> AreaCadres(int subDistrictId) =>
        db.Users.AsNoTracking()
            .Where(u => u.SubDistrictId == subDistrictId && u.ResidentialAreaId != null && u.LockoutEnd != DateTimeOffset.MaxValue)
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.AreaCadre)))
            .OrderBy(u => u.UserName)
            .Select(u => new Cadre(u.Id, u.DisplayName, u.ResidentialAreaId!.Value));

    private async Task SaveBatchAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static Task Report(Func<int, int, Task>? report, int done, int total) =>
        report is null ? Task.CompletedTask : report(done * 100 / total, done);
}

public sealed record Cadre(string Id, string Name, int AreaId);
