using Doorstep.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Audit;

/// <summary>The audit, newest first, paged by id ("before") so that deep pages cost the same as the first.</summary>
[Authorize(Policy = AuditFeature.ReadAudit)]
public class IndexModel(DoorstepDb db) : PageModel
{
    private const int PageSize = 50;

    public static readonly IReadOnlyList<(string Type, string Label)> EntityLabels =
    [
        ("Member", "党员档案"), ("UserAccount", "账户"), ("OrgUnit", "党组织"), ("ResidentialArea", "居民区"),
        ("TemporaryBranchMembership", "临时党支部成员"), ("Department", "部门"), ("SubDistrict", "街道"),
        ("IdentityUserRole<string>", "账户角色"), ("IdentityRole", "角色"),
        ("MemberList", "党员名单导出"),
    ];

    public string? ByUser { get; private set; }
    public string? Entity { get; private set; }
    public long? Before { get; private set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? user, string? entity, long? before)
    {
        ByUser = user;
        Entity = entity;
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
        {
            query = query.Where(a => a.UserName == user.Trim());
        }

        if (!string.IsNullOrWhiteSpace(entity))
        {
            query = query.Where(a => a.EntityType == entity);
        }

        if (before is { } b)
        {
            query = query.Where(a => a.Id < b);
        }

        Entries = await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync();
        Before = Entries.Count == PageSize ? Entries[^1].Id : null;
    }

    public static string EntityLabel(string type) =>
        EntityLabels.FirstOrDefault(l => l.Type == type).Label ?? type;

    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.Created => "新建",
        AuditAction.Updated => "修改",
        AuditAction.Deleted => "删除",
        AuditAction.Viewed => "查看敏感信息",
    };
}
