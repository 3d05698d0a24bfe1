using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>One area's line of the 人户分离 counts.</summary>
public sealed record AreaCount(int AreaId, string Area, int RegisteredHereLivingElsewhere, int LivingHereRegisteredElsewhere);

/// <summary>How many such members are registered in one area and live in another (or outside: none).</summary>
public sealed record AreaPair(int Registered, int? Residence, int Count);

/// <summary>人户分离, counted both ways ("摸清底数") over the user's scope: where such members are registered and where they live.</summary>
public sealed record LivesElsewhereCounts(IReadOnlyList<AreaCount> Areas, int LivingOutside, int Total)
{
    /// <summary>
    /// Counts by area of the user's sub-district, or of the cadre's own area alone. An area cadre's
    /// count of residents from elsewhere (files held by other areas) is passed in, as the cadre reads
    /// those through their own projection.
    /// </summary>
    public static async Task<LivesElsewhereCounts> CountAsync(DoorstepDb db, int? cadreAreaId = null, int residentsFromElsewhere = 0)
    {
        var pairs = await Pairs(db.MembersInScope).ToListAsync();
        var byRegistration = pairs.GroupBy(p => p.Registered).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
        var byResidence = pairs.Where(p => p.Residence != null).GroupBy(p => p.Residence!.Value).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
        var livingOutside = pairs.Where(p => p.Residence == null).Sum(p => p.Count);

        var areas = db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == db.CurrentUser.Scope.SubDistrictId);
        if (cadreAreaId is { } own)
        {
            byResidence[own] = byResidence.GetValueOrDefault(own) + residentsFromElsewhere;
            areas = areas.Where(a => a.Id == own);
        }

        var counts = (await areas.OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Select(a => new AreaCount(a.Id, a.Name, byRegistration.GetValueOrDefault(a.Id), byResidence.GetValueOrDefault(a.Id)))
            .ToList();
        return new LivesElsewhereCounts(counts, livingOutside, byRegistration.Values.Sum());
    }

    /// <summary>
    /// Every 人户分离 member in scope counted by (registered, residence) area in one pass over one
    /// covering index; the counts add them up both ways, where three grouped queries read it three times.
    /// </summary>
    public static IQueryable<AreaPair> Pairs(IQueryable<Member> members) =>
        members.Where(Member.LivesElsewhereRule)
            .Where(m => m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut)
            .GroupBy(m => new { m.RegisteredAreaId, m.ResidenceAreaId })
            .Select(g => new AreaPair(g.Key.RegisteredAreaId!.Value, g.Key.ResidenceAreaId, g.Count()));
}
