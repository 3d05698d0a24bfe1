using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>送学上门: the campaigns, newest first, and the way to the cadre's own visits.</summary>
[Authorize(Policy = HomeVisitsFeature.Visit)]
public class IndexModel(DoorstepDb db) : PageModel
{
    public sealed record CampaignRow(int Id, string Title, CampaignStatus Status, DateOnly StartsOn, DateOnly EndsOn);

    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];
    public bool MayRun => User.IsInRole(Roles.SubDistrictAdmin);

    public async Task OnGetAsync() =>
        Campaigns = await db.InScope<VisitCampaign>().AsNoTracking()
            .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new CampaignRow(c.Id, c.Title, c.Status, c.StartsOn, c.EndsOn))
            .ToListAsync();
}
