using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>The home page's figures of the files in the user's scope: how many, how old, who needs care.</summary>
public sealed class MemberFigures(DoorstepDb db, TimeProvider clock) : IHomeFigures
{
    public string Policy => MembersFeature.MemberFiles;
    public int Order => 10;

    public async Task<IReadOnlyList<HomeFigure>> CountAsync()
    {
        var bornBefore = ChinaTime.Today(clock).AddYears(-75);
        var active = db.MembersInScope.Where(m => m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut);
        return
        [
            new(await active.CountAsync(), "名党员", "/Members/Index"),
            new(await active.CountAsync(m => m.BirthDate <= bornBefore), "名75岁以上"),
            new(await active.CountAsync(m => (m.CareNeeds & (CareNeeds.LowVision | CareNeeds.LimitedMobility)) != 0), "名视力减弱或行动不便"),
            new(await active.CountAsync(Member.LivesElsewhereRule), "名人户分离", "/Members/LivesElsewhere"),
        ];
    }
}
