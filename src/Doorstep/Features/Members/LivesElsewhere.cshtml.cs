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

    /// <summary>How many such members are registered in one area and live in another (or outside: none).</summary>
    public sealed record AreaPair(int Registered, int? Residence, int Count);

    public sealed record AreaCount(int AreaId, string Area, int RegisteredHereLivingElsewhere, int LivingHereRegisteredElsewhere);

    public IReadOnlyList<AreaCount> Areas { get; private set; } = [];
    public int LivingOutside { get; private set; }
    public int Total { get; private set; }

    /// <summary>For an area cadre: members living in the area whose file another area holds.</summary>
    public IReadOnlyList<Resident> Residents { get; private set; } = [];
    public Pager Pager { get; private set; } = Pager.Empty;
    public bool IsAreaCadre { get; private set; }

    /// <summary>
    /// Every 人户分离 member in scope counted by (registered, residence) area in one pass over one
    /// covering index; the page adds them up both ways, where three grouped queries read it three times.
    /// </summary>
    public static IQueryable<AreaPair> Pairs(IQueryable<Member> members) =>
        members.Where(Member.LivesElsewhereRule)
            .Where(m => m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut)
            .GroupBy(m => new { m.RegisteredAreaId, m.ResidenceAreaId })
            .Select(g => new AreaPair(g.Key.RegisteredAreaId!.Value, g.Key.ResidenceAreaId, g.Count()));

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var scope = db.CurrentUser.Scope;
        var pairs = await Pairs(db.MembersInScope).ToListAsync();
        var byRegistration = pairs.GroupBy(p => p.Registered).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
        var byResidence = pairs.Where(p => p.Residence != null).GroupBy(p => p.Residence!.Value).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
        LivingOutside = pairs.Where(p => p.Residence == null).Sum(p => p.Count);
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
