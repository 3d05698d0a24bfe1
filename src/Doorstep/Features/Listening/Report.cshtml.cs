using Doorstep.Data;
using Doorstep.Features.Listening.Cards;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>
/// An area's listening, for the next round of visits: who listened this month, who listened before
/// but not this month, who has not started, and who would rather have paper or a visit. From here
/// the cadre prints cards for the members they tick.
/// </summary>
[Authorize(Policy = ListeningFeature.HandleCards)]
public sealed class ReportModel(DoorstepDb db, TimeProvider clock, PersonalDataProtector protector, CardHolders holders) : PageModel
{
    public sealed record AreaOption(int Id, string Name);

    public IReadOnlyList<AreaOption> Areas { get; private set; } = [];
    public int AreaId { get; private set; }
    public string AreaName { get; private set; } = "";
    public string MonthLabel { get; private set; } = "";
    public ListeningReport.Standing? Only { get; private set; }
    public IReadOnlyDictionary<ListeningReport.Standing, int> Counts { get; private set; } = new Dictionary<ListeningReport.Standing, int>();
    public IReadOnlyList<ListeningReport.Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = Pager.Empty;

    public static string Label(ListeningReport.Standing s) => s switch
    {
        ListeningReport.Standing.ThisMonth => "本月在听",
        ListeningReport.Standing.Earlier => "以前听过，本月没听",
        ListeningReport.Standing.NotStarted => "还没开始",
        ListeningReport.Standing.PrefersOther => "不用随身听",
    };

    // The page number from the query (or the form) only: Razor Pages puts the page's own path in the
    // route value "page", which would otherwise win the binding and leave every visit on the first page.
    public async Task<IActionResult> OnGetAsync(int? areaId, ListeningReport.Standing? standing, [FromQuery] int page = 1)
    {
        if (!await LoadAsync(areaId, standing, page))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPrintAsync(int? areaId, ListeningReport.Standing? standing, int[]? memberIds, [FromForm] int page = 1)
    {
        if (memberIds is not { Length: > 0 })
        {
            await LoadAsync(areaId, standing, page);
            ModelState.AddModelError("", "请先勾选要发卡的党员。");
            return Page();
        }

        var cards = await CardIssue.IssueAsync(db, protector, holders, clock.GetUtcNow().UtcDateTime, memberIds);
        return Partial("/Features/Listening/Cards/_CardSheet.cshtml", new CardSheet(cards, token => Url.Page("/Listening/Card/Shelf", null, new { token }, Request.Scheme, Request.Host.Value)!));
    }

    private async Task<bool> LoadAsync(int? areaId, ListeningReport.Standing? standing, int page)
    {
        var scope = db.CurrentUser.Scope;
        Areas = scope.Kind == ScopeKind.ResidentialArea
            ? await db.ResidentialAreas.Where(a => a.Id == scope.ResidentialAreaId).Select(a => new AreaOption(a.Id, a.Name)).ToListAsync()
            : await db.ResidentialAreas.Where(a => a.SubDistrictId == scope.SubDistrictId).OrderBy(a => a.Name).Select(a => new AreaOption(a.Id, a.Name)).ToListAsync();
        var area = Areas.FirstOrDefault(a => a.Id == areaId) ?? (Areas.Count > 0 ? Areas[0] : null);
        if (area is null)
        {
            return false;
        }

        AreaId = area.Id;
        AreaName = $"{area.Name}居民区";
        var today = ChinaTime.Today(clock);
        MonthLabel = $"{today.Year}年{today.Month}月";
        Only = standing is { } s && Enum.IsDefined(s) ? s : null;
        var report = await ListeningReport.PageAsync(db, area.Id, ListeningProgress.MonthOf(clock.GetUtcNow().UtcDateTime), Only, page);
        Counts = report.Counts;
        Rows = report.Rows;
        Pager = new Pager(page, ListeningReport.PageSize, report.Total, p => PageLinks.WithPage(Url.Page("/Listening/Report", new { areaId = AreaId, standing = Only })!, p));
        return true;
    }
}
