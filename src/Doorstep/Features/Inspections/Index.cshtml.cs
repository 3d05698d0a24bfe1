using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features.Inspections;

/// <summary>The spots in the user's scope: to rectify, overdue, to verify, escalated, closed.</summary>
[Authorize(Policy = InspectionsFeature.WorkOnSpots)]
public class IndexModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public SpotList Current { get; private set; }
    public IReadOnlyList<SpotRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<SpotList, int> Counts { get; private set; } = new Dictionary<SpotList, int>();
    public Pager Pager { get; private set; } = null!;
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;
    public bool MayReport { get; private set; }
    public bool MayManage { get; private set; }

    public async Task OnGetAsync(SpotList tab = SpotList.Open, [FromQuery] int page = 1)
    {
        Current = Enum.IsDefined(tab) ? tab : SpotList.Open;
        var read = await SpotLists.ReadAsync(db, Current, Now, page);
        Counts = read.Counts;
        Rows = read.Rows;
        Pager = new Pager(read.Page, SpotLists.PageSize, Counts[Current], n => PageLinks.WithPage(Url.Page("/Inspections/Index", new { tab = Current })!, n));
        var actor = SpotActor.From(db.CurrentUser);
        MayReport = actor.IsAdmin || actor.AreaId is not null;
        MayManage = actor.IsAdmin;
    }
}
