using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.TemporaryBranches;

/// <summary>How the audit page shows a member joining or leaving a temporary branch: the branch and the member by name.</summary>
public sealed class TemporaryBranchAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(TemporaryBranchMembership);
    public override string Label => "临时党支部成员";
    public override int Order => 40;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(TemporaryBranchMembership.JoinedOn)] = "加入日期",
    };

    /// <summary>The audit keys a membership as "branch id,member id".</summary>
    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var pairs = ids.Select(id => id.Split(',')).Where(p => p.Length == 2).Select(p => (Id: string.Join(",", p), Branch: p[0], Member: p[1])).ToList();
        var branchIds = NumericIds(pairs.Select(p => p.Branch));
        var memberIds = NumericIds(pairs.Select(p => p.Member));
        var branches = await db.OrgUnits.AsNoTracking().Where(u => branchIds.Contains(u.Id)).ToDictionaryAsync(u => Key(u.Id), u => u.Name);
        // Through the Members filter: a member outside the viewer's scope keeps an unnamed place.
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => Key(m.Id), m => m.Name);
        return pairs.Where(p => branches.ContainsKey(p.Branch) && members.ContainsKey(p.Member))
            .ToDictionary(p => p.Id, p => $"{branches[p.Branch]} · {members[p.Member]}");
    }
}
