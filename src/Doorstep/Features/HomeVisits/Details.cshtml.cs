using System.Globalization;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace Doorstep.Features.HomeVisits;

/// <summary>One campaign: its rule, starting it, and coverage per area (an area cadre sees their own area's row).</summary>
[Authorize(Policy = HomeVisitsFeature.Visit)]
public class DetailsModel(DoorstepDb db, Coverage coverage, JobBoard jobs, TimeProvider clock) : PageModel
{
    public VisitCampaign Campaign { get; private set; } = null!;
    public IReadOnlyList<CoverageRow> Areas { get; private set; } = [];
    public CoverageRow Total { get; private set; } = null!;
    public JobState? StartJob { get; private set; }
    public bool MayRun => User.IsInRole(Roles.SubDistrictAdmin);
    public string AreaNames { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        Areas = await coverage.ByAreaAsync(Campaign);
        Total = Coverage.Total(Areas);
        StartJob = Campaign.StartJobId is { } job ? await jobs.StateAsync(job) : null;
        var areaIds = Campaign.Areas.ToList();
        AreaNames = string.Join("、", await db.ResidentialAreas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync());
        return Page();
    }

    /// <summary>启动: the campaign runs from now on; its tasks are created by a job, with progress on this page.</summary>
    public async Task<IActionResult> OnPostStartAsync(int id)
    {
        if (!MayRun)
        {
            return Forbid();
        }

        if (await db.InScope<VisitCampaign>().FirstOrDefaultAsync(c => c.Id == id) is not { } campaign)
        {
            return NotFound();
        }

        if (campaign.Status == CampaignStatus.Draft)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            campaign.Status = CampaignStatus.Running;
            campaign.StartedAt = clock.GetUtcNow().UtcDateTime;
            campaign.StartedBy = db.CurrentUser.Name;
            var job = await jobs.EnqueueAsync(StartCampaignJob.Kind, id.ToString(CultureInfo.InvariantCulture));
            campaign.StartJobId = job.Id;
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        return RedirectToPage("/HomeVisits/Details", new { id });
    }

    /// <summary>结束: no new tasks; coverage and the ledger stay.</summary>
    public async Task<IActionResult> OnPostEndAsync(int id)
    {
        if (!MayRun)
        {
            return Forbid();
        }

        if (await db.InScope<VisitCampaign>().FirstOrDefaultAsync(c => c.Id == id) is not { } campaign)
        {
            return NotFound();
        }

        campaign.Status = CampaignStatus.Ended;
        await db.SaveChangesAsync();
        return RedirectToPage("/HomeVisits/Details", new { id });
    }

    /// <summary>The start job's progress, for the page's script.</summary>
    public async Task<IActionResult> OnGetProgressAsync(int id)
    {
        var jobId = await db.InScope<VisitCampaign>().Where(c => c.Id == id).Select(c => c.StartJobId).FirstOrDefaultAsync();
        return jobId is { } job && await jobs.StateAsync(job) is { } state
            ? new JsonResult(new { done = state.Status is JobStatus.Succeeded or JobStatus.Failed, percent = state.Percent, processed = state.Processed })
            : NotFound();
    }

    /// <summary>导出: every task of the campaign in the user's scope, one row each, with its last visit.</summary>
    public async Task<IActionResult> OnGetExportAsync(int id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        var today = ChinaTime.Today(clock);
        var stamp = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var rows = db.InScope<VisitTask>().AsNoTracking()
            .Where(t => t.CampaignId == id)
            .OrderBy(t => t.AreaId).ThenBy(t => t.Member.ResidenceAddress).ThenBy(t => t.Id)
            .Select(t => new
            {
                Area = db.ResidentialAreas.Where(a => a.Id == t.AreaId).Select(a => a.Name).FirstOrDefault(),
                t.Member.Name,
                t.Member.BirthDate,
                Address = t.Member.ResidenceAddress ?? t.Member.RegisteredAddress,
                t.Member.CareNeeds,
                t.Status,
                t.ClosedReason,
                t.RevisitOn,
                t.AssignedToName,
                Last = db.Set<HomeVisit>().Where(v => v.TaskId == t.Id).OrderByDescending(v => v.VisitedAt)
                    .Select(v => new { v.Outcome, v.VisitedAt, v.VisitedBy }).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        db.RecordView(nameof(VisitCampaign), id.ToString(CultureInfo.InvariantCulture), "导出走访台账（Excel）");
        await db.SaveChangesAsync();

        async IAsyncEnumerable<CoverageSheetRow> Sheet()
        {
            await foreach (var r in rows)
            {
                yield return new CoverageSheetRow
                {
                    Area = r.Area ?? "",
                    Name = (SpreadsheetText.Safe(r.Name) ?? ""),
                    Age = Member.AgeOn(r.BirthDate, today),
                    Address = (SpreadsheetText.Safe(r.Address ?? "") ?? ""),
                    CareNeeds = MemberFields.NeedsText(r.CareNeeds),
                    Status = r.ClosedReason is { } reason ? $"{VisitTask.Label(r.Status)}（{VisitTask.Label(reason)}）" : VisitTask.Label(r.Status),
                    LastOutcome = r.Last is null ? "" : HomeVisit.Label(r.Last.Outcome),
                    LastVisit = r.Last is null ? "" : ChinaTime.DateAndTime(r.Last.VisitedAt),
                    VisitedBy = (SpreadsheetText.Safe(r.Last?.VisitedBy ?? "") ?? ""),
                    RevisitOn = ChinaTime.Date(r.RevisitOn),
                    AssignedTo = (SpreadsheetText.Safe(r.AssignedToName ?? "") ?? ""),
                };
            }
        }

        return new SpreadsheetFile<CoverageSheetRow>($"送学上门台账-{stamp}.xlsx", $"home-visits-{stamp}.xlsx", "送学上门台账", Sheet());
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await db.InScope<VisitCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) is not { } campaign)
        {
            return NotFound();
        }

        Campaign = campaign;
        return null;
    }
}

/// <summary>One task as the exported ledger shows it.</summary>
public sealed class CoverageSheetRow
{
    [ExcelColumnName("居民区"), ExcelColumnWidth(10)] public string Area { get; init; } = "";
    [ExcelColumnName("姓名"), ExcelColumnWidth(10)] public string Name { get; init; } = "";
    [ExcelColumnName("年龄"), ExcelColumnWidth(6)] public int Age { get; init; }
    [ExcelColumnName("地址"), ExcelColumnWidth(30)] public string Address { get; init; } = "";
    [ExcelColumnName("关怀需求"), ExcelColumnWidth(16)] public string CareNeeds { get; init; } = "";
    [ExcelColumnName("状态"), ExcelColumnWidth(16)] public string Status { get; init; } = "";
    [ExcelColumnName("最近走访结果"), ExcelColumnWidth(12)] public string LastOutcome { get; init; } = "";
    [ExcelColumnName("最近走访时间"), ExcelColumnWidth(20)] public string LastVisit { get; init; } = "";
    [ExcelColumnName("走访人"), ExcelColumnWidth(12)] public string VisitedBy { get; init; } = "";
    [ExcelColumnName("约定再访日期"), ExcelColumnWidth(16)] public string RevisitOn { get; init; } = "";
    [ExcelColumnName("负责干部"), ExcelColumnWidth(12)] public string AssignedTo { get; init; } = "";
}
