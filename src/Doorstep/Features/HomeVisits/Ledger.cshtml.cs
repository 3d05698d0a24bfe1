using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// 走访台账: an area's paper record of the campaign, every targeted member with the visits and
/// outcomes, closed tasks with their reason, and lines to sign. Printed from the browser.
/// </summary>
[Authorize(Policy = HomeVisitsFeature.Visit)]
public class LedgerModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public sealed record Line(string Name, int Age, string? Address, VisitTaskStatus Status, TaskClosedReason? ClosedReason, IReadOnlyList<VisitLine> Visits);

    public sealed record VisitLine(int Id, DateTime At, VisitOutcome Outcome, string By, string Items, bool TaughtListening, bool HasPhoto);

    public VisitCampaign Campaign { get; private set; } = null!;
    public string AreaName { get; private set; } = "";
    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(int id, int areaId)
    {
        if (await db.InScope<VisitCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) is not { } campaign
            || await db.ResidentialAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == areaId) is not { } place)
        {
            return NotFound();
        }

        Campaign = campaign;
        AreaName = place.Name;
        var tasks = await db.InScope<VisitTask>().AsNoTracking()
            .Where(t => t.CampaignId == id && t.AreaId == areaId)
            .OrderBy(t => t.Member.ResidenceAddress ?? t.Member.RegisteredAddress).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Member.Name, t.Member.BirthDate, Address = t.Member.ResidenceAddress ?? t.Member.RegisteredAddress, t.Status, t.ClosedReason })
            .ToListAsync();
        if (tasks.Count == 0 && db.CurrentUser.Scope.Kind == ScopeKind.ResidentialArea && db.CurrentUser.Scope.ResidentialAreaId != areaId)
        {
            return NotFound();
        }

        var visits = (await db.InScope<HomeVisit>().AsNoTracking()
                .Where(v => v.CampaignId == id && v.AreaId == areaId)
                .OrderBy(v => v.VisitedAt)
                .Select(v => new { v.Id, v.TaskId, v.VisitedAt, v.Outcome, v.VisitedBy, v.ItemsDelivered, v.TaughtListening, HasPhoto = v.PhotoFileId != null })
                .ToListAsync())
            .ToLookup(v => v.TaskId);
        Lines = tasks.Select(t => new Line(t.Name, Member.AgeOn(t.BirthDate, Today), t.Address, t.Status, t.ClosedReason,
                visits[t.Id].Select(v => new VisitLine(v.Id, v.VisitedAt, v.Outcome, v.VisitedBy, v.ItemsDelivered.Replace('\n', '、'), v.TaughtListening, v.HasPhoto)).ToList()))
            .ToList();
        return Page();
    }
}
