using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>One area's line of the 人户分离 counts.</summary>
public sealed record AreaCount(int AreaId, string Area, int RegisteredHereLivingElsewhere, int LivingHereRegisteredElsewhere);

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
        var apart = db.MembersInScope.Where(Member.LivesElsewhereRule)
            .Where(m => m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut);

        var byRegistration = await apart.GroupBy(m => m.RegisteredAreaId!.Value)
            .Select(g => new { Area = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Area, x => x.Count);
        var byResidence = await apart.Where(m => m.ResidenceAreaId != null).GroupBy(m => m.ResidenceAreaId!.Value)
            .Select(g => new { Area = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Area, x => x.Count);
        var livingOutside = await apart.CountAsync(m => m.ResidenceAreaId == null);

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
}
