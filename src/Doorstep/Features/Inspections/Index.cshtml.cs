using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>The spots in the user's scope: to rectify, overdue, to verify, escalated, closed.</summary>
[Authorize(Policy = InspectionsFeature.WorkOnSpots)]
public class IndexModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(ProblemSpot Spot, string Category, string Area, string? Department);

    public SpotList Current { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Dictionary<SpotList, int> Counts { get; } = [];
    public Pager Pager { get; private set; } = null!;
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;
    public bool MayReport { get; private set; }

    public async Task OnGetAsync(SpotList tab = SpotList.Open, int page = 1)
    {
        Current = Enum.IsDefined(tab) ? tab : SpotList.Open;
        foreach (var list in Enum.GetValues<SpotList>())
        {
            Counts[list] = await SpotLists.Of(db, list, Now).CountAsync();
        }

        Pager = new Pager(page, SpotLists.PageSize, Counts[Current], n => PageLinks.WithPage(Url.Page("/Inspections/Index", new { tab = Current })!, n));
        Rows = await SpotLists.Of(db, Current, Now).Skip(Pager.Skip).Take(SpotLists.PageSize)
            .Select(s => new Row(s, s.Category!.Name,
                db.ResidentialAreas.Where(a => a.Id == s.AreaId).Select(a => a.Name).First(),
                db.Departments.Where(d => d.Id == s.DepartmentId).Select(d => d.Name).FirstOrDefault()))
            .ToListAsync();
        MayReport = SpotActor.From(db.CurrentUser) is { } actor && (actor.IsAdmin || actor.AreaId is not null);
    }
}
