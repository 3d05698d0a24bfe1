using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening.Cards;

/// <summary>One member's listening: their card (issue, replace, revoke), how they prefer to study, their progress per book.</summary>
[Authorize(Policy = ListeningFeature.HandleCards)]
public sealed class MemberModel(DoorstepDb db, TimeProvider clock, PersonalDataProtector protector, CardHolders holders) : PageModel
{
    public sealed record BookProgress(string Title, int Chapters, int Completed, int Seconds, DateTime LastAt);

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateTime? ActiveCardIssuedAt { get; private set; }
    public StudyPreference? Prefers { get; private set; }
    public IReadOnlyList<BookProgress> Books { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var member = await db.MembersInScope.Where(m => m.Id == id).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync();
        if (member is null)
        {
            return NotFound();
        }

        Id = member.Id;
        Name = member.Name;
        ActiveCardIssuedAt = await db.ListeningCards.Where(c => c.MemberId == id && c.RevokedAt == null).MaxAsync(c => (DateTime?)c.IssuedAt);
        Prefers = await db.ListeningPreferences.Where(p => p.MemberId == id).Select(p => (StudyPreference?)p.Prefers).FirstOrDefaultAsync();
        var rows = await db.ListeningProgress.AsNoTracking().Where(p => p.MemberId == id)
            .GroupBy(p => p.BookId)
            .Select(g => new { BookId = g.Key, Completed = g.Count(p => p.CompletedAt != null), Seconds = g.Sum(p => p.ListenedSeconds), LastAt = g.Max(p => p.UpdatedAt) })
            .ToListAsync();
        var ids = rows.Select(r => r.BookId).ToList();
        // The library is the member's sub-district's; an area cadre's scope holds members, not books.
        var books = await db.StudyBooks.IgnoreQueryFilters().AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, b.Title, Chapters = b.Chapters.Count }).ToDictionaryAsync(b => b.Id);
        Books = rows.Where(r => books.ContainsKey(r.BookId))
            .Select(r => new BookProgress(books[r.BookId].Title, books[r.BookId].Chapters, r.Completed, r.Seconds, r.LastAt))
            .OrderByDescending(b => b.LastAt).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(int id)
    {
        var cards = await CardIssue.IssueAsync(db, protector, holders, clock.GetUtcNow().UtcDateTime, [id]);
        return cards.Count == 0
            ? NotFound()
            : Partial("/Features/Listening/Cards/_CardSheet.cshtml", new CardSheet(cards, token => Url.Page("/Listening/Card/Shelf", null, new { token }, Request.Scheme, Request.Host.Value)!));
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        if (!await db.MembersInScope.AnyAsync(m => m.Id == id))
        {
            return NotFound();
        }

        var revoked = await CardIssue.RevokeAsync(db, holders, clock.GetUtcNow().UtcDateTime, [id]);
        Message = revoked > 0 ? "卡已作废，立即不能再使用。" : "没有有效的卡。";
        return RedirectToPage("/Listening/Cards/Member", new { id });
    }

    public async Task<IActionResult> OnPostPreferAsync(int id, StudyPreference? prefers)
    {
        var member = await db.MembersInScope.FirstOrDefaultAsync(m => m.Id == id);
        if (member is null)
        {
            return NotFound();
        }

        var current = await db.ListeningPreferences.Include(p => p.Member).FirstOrDefaultAsync(p => p.MemberId == id);
        if (prefers is null && current is not null)
        {
            db.ListeningPreferences.Remove(current);
        }
        else if (prefers is { } p && current is null)
        {
            db.ListeningPreferences.Add(new ListeningPreference
            {
                Member = member,
                MemberId = id,
                SubDistrictId = member.SubDistrictId,
                Prefers = p,
                MarkedAt = clock.GetUtcNow().UtcDateTime,
                MarkedBy = db.CurrentUser.Name,
            });
        }
        else if (prefers is { } changed && current is not null)
        {
            current.Prefers = changed;
            current.MarkedAt = clock.GetUtcNow().UtcDateTime;
            current.MarkedBy = db.CurrentUser.Name;
        }

        await db.SaveChangesAsync();
        Message = "已保存。";
        return RedirectToPage("/Listening/Cards/Member", new { id });
    }
}
