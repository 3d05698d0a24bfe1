using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Audit;

/// <summary>The audit, newest first, paged by id ("before") so that deep pages cost the same as the first.</summary>
[Authorize(Policy = AuditFeature.ReadAudit)]
public class IndexModel(DoorstepDb db, IEnumerable<AuditSubject> subjects) : PageModel
{
    private const int PageSize = 50;

    /// <summary>The kinds of record the filter offers, as the features registered them.</summary>
    public IReadOnlyList<AuditSubject> Kinds { get; } = subjects.OrderBy(s => s.Order).ToList();

    public string? ByUser { get; private set; }
    public string? Entity { get; private set; }
    public long? Before { get; private set; }
    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? user, string? entity, long? before)
    {
        ByUser = user;
        Entity = entity;
        var query = db.InScope<AuditEntry>().AsNoTracking();
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

        var entries = await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync();
        Before = entries.Count == PageSize ? entries[^1].Id : null;
        Entries = await AuditRows.DescribeAsync(entries, Kinds);
    }

    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.Created => "新建",
        AuditAction.Updated => "修改",
        AuditAction.Deleted => "删除",
        AuditAction.Viewed => "查看敏感信息",
    };
}
