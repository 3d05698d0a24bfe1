using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Support;

/// <summary>Finds demo members by where their file is held, for arranging scope tests.</summary>
public static class DemoMembers
{
    public static Task<int> FirstOfAreaAsync(this DoorstepApp app, string area, int skip = 0) =>
        app.WithDbAsync(db => db.Members
            .Where(m => m.OrgUnit.ResidentialArea!.Name == area && m.Status == MemberStatus.Normal && !m.TemporaryBranches.Any())
            .OrderBy(m => m.Id).Skip(skip).Select(m => m.Id).FirstAsync());
}
