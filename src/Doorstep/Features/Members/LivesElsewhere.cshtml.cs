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

    public sealed record AreaCount(int AreaId, string Area, int RegisteredHereLivingElsewhere, int LivingHereRegisteredElsewhere);

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
        var apart = db.Members.Where(Member.LivesElsewhereRule)
            .Where(m => m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut);

        var byRegistration = await apart.GroupBy(m => m.RegisteredAreaId!.Value)
            .Select(g => new { Area = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Area, x => x.Count);
        var byResidence = await apart.Where(m => m.ResidenceAreaId != null).GroupBy(m => m.ResidenceAreaId!.Value)
            .Select(g => new { Area = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Area, x => x.Count);
        LivingOutside = await apart.CountAsync(m => m.ResidenceAreaId == null);
        Total = byRegistration.Values.Sum();

        IsAreaCadre = scope.Kind == ScopeKind.ResidentialArea;
        if (IsAreaCadre)
        {
            var residents = db.ResidentsFromElsewhere;
            var count = await residents.CountAsync();
            byResidence[scope.ResidentialAreaId] = byResidence.GetValueOrDefault(scope.ResidentialAreaId) + count;
            Pager = new Pager(page, MemberQueries.PageSize, count, p => $"/Members/LivesElsewhere?page={p}");
            Residents = await residents
                .Skip(Pager.Skip).Take(MemberQueries.PageSize).ToListAsync();
        }

        var areas = db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == scope.SubDistrictId);
        if (IsAreaCadre)
        {
            areas = areas.Where(a => a.Id == scope.ResidentialAreaId);
        }

        Areas = (await areas.OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Select(a => new AreaCount(a.Id, a.Name, byRegistration.GetValueOrDefault(a.Id), byResidence.GetValueOrDefault(a.Id)))
            .ToList();
    }
}
