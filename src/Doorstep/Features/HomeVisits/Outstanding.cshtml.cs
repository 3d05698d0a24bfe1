using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// 未走访名单 (无人遗漏): a campaign's outstanding tasks in the user's scope, by area and address, each with
/// its cadre; checked rows (or one row's own button) are assigned to another cadre of the same area.
/// </summary>
[Authorize(Policy = HomeVisitsFeature.Visit)]
public class OutstandingModel(DoorstepDb db, VisitReconciliation reconciliation, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, int AreaId, string Name, DateOnly BirthDate, string? Address, VisitTaskStatus Status, DateOnly? RevisitOn, string? AssignedToName);

    public VisitCampaign Campaign { get; private set; } = null!;
    public int? Area { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Cadre> Cadres { get; private set; } = [];
    public IReadOnlyDictionary<int, string> AreaNames { get; private set; } = new Dictionary<int, string>();
    public Pager Pager { get; private set; } = Pager.Empty;
    public DateOnly Today { get; } = ChinaTime.Today(clock);
    public string? Message { get; private set; }

    [BindProperty]
    public List<int> Selected { get; set; } = [];

    [BindProperty]
    public string? CadreId { get; set; }

    public Task<IActionResult> OnGetAsync(int id, int? areaId, [FromQuery] int page = 1) => ShowAsync(id, areaId, page);

    /// <summary>分配: the checked tasks, or only the row whose button was pressed, go to the chosen cadre of their area.</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, int? areaId, int? only, [FromForm] int page = 1)
    {
        var ids = only is { } one ? [one] : Selected;
        var cadre = (await reconciliation.AreaCadres(db.CurrentUser.Scope.SubDistrictId).ToListAsync()).FirstOrDefault(c => c.Id == CadreId);
        if (cadre is null || ids.Count == 0)
        {
            Message = ids.Count == 0 ? "请先勾选要分配的党员。" : "请选择走访干部。";
            return await ShowAsync(id, areaId, page);
        }

        var tasks = await db.InScope<VisitTask>().Where(t => t.CampaignId == id && ids.Contains(t.Id)).ToListAsync();
        var elsewhere = tasks.Count(t => t.AreaId != cadre.AreaId);
        foreach (var task in tasks.Where(t => t.AreaId == cadre.AreaId))
        {
            task.AssignedToId = cadre.Id;
            task.AssignedToName = cadre.Name;
        }

        await db.SaveChangesAsync();
        TempData["Assigned"] = elsewhere == 0
            ? $"已将 {tasks.Count} 位党员分配给 {cadre.Name}。"
            : $"已将 {tasks.Count - elsewhere} 位党员分配给 {cadre.Name}；另有 {elsewhere} 位不在该干部的居民区，未分配。";
        return RedirectToPage("/HomeVisits/Outstanding", new { id, areaId, page });
    }

    private async Task<IActionResult> ShowAsync(int id, int? areaId, int page)
    {
        if (await db.InScope<VisitCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) is not { } campaign)
        {
            return NotFound();
        }

        Campaign = campaign;
        Area = areaId;
        var tasks = db.InScope<VisitTask>().AsNoTracking()
            .Where(t => t.CampaignId == id && (t.Status == VisitTaskStatus.Open || t.Status == VisitTaskStatus.Revisit));
        if (areaId is { } only)
        {
            tasks = tasks.Where(t => t.AreaId == only);
        }

        var count = await tasks.CountAsync();
        Pager = new Pager(page, PageSize, count, p => PageLinks.WithPage(Url.Page("/HomeVisits/Outstanding", new { id, areaId })!, p));
        Rows = await tasks.OrderBy(t => t.AreaId).ThenBy(t => t.Member.ResidenceAddress ?? t.Member.RegisteredAddress).ThenBy(t => t.Id)
            .Skip(Pager.Skip).Take(Pager.PageSize)
            .Select(t => new Row(t.Id, t.AreaId, t.Member.Name, t.Member.BirthDate, t.Member.ResidenceAddress ?? t.Member.RegisteredAddress, t.Status, t.RevisitOn, t.AssignedToName))
            .ToListAsync();
        var areas = campaign.Areas.ToList();
        var cadres = (await reconciliation.AreaCadres(db.CurrentUser.Scope.SubDistrictId).ToListAsync()).Where(c => areas.Contains(c.AreaId)).ToList();
        Cadres = db.CurrentUser.Scope.Kind == ScopeKind.ResidentialArea
            ? cadres.Where(c => c.AreaId == db.CurrentUser.Scope.ResidentialAreaId).ToList()
            : cadres;
        AreaNames = await db.ResidentialAreas.AsNoTracking().Where(a => areas.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        return Page();
    }

    public int AgeOf(Row row) => Member.AgeOn(row.BirthDate, Today);
}
