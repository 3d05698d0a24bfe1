using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>人户分离, counted both ways ("摸清底数"): where such members are registered and where they live.</summary>
[Authorize(Policy = MembersFeature.MemberFiles)]
public class LivesElsewhereModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    public IReadOnlyList<AreaCount> Areas { get; private set; } = [];
    public int LivingOutside { get; private set; }
    public int Total { get; private set; }

    /// <summary>For an area cadre: members living in the area whose file another area holds.</summary>
    public IReadOnlyList<Resident> Residents { get; private set; } = [];
    public Pager Pager { get; private set; } = Pager.Empty;
    public bool IsAreaCadre { get; private set; }

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var scope = db.CurrentUser.Scope;
        IsAreaCadre = scope.Kind == ScopeKind.ResidentialArea;
        var fromElsewhere = 0;
        if (IsAreaCadre)
        {
            var residents = db.ResidentsFromElsewhere;
            fromElsewhere = await residents.CountAsync();
            Pager = new Pager(page, MemberQueries.PageSize, fromElsewhere, p => Url.Page("LivesElsewhere") + $"?page={p}");
            Residents = await residents
                .Skip(Pager.Skip).Take(MemberQueries.PageSize).ToListAsync();
        }

        var counts = await LivesElsewhereCounts.CountAsync(db, IsAreaCadre ? scope.ResidentialAreaId : null, fromElsewhere);
        (Areas, LivingOutside, Total) = (counts.Areas, counts.LivingOutside, counts.Total);
    }
}
