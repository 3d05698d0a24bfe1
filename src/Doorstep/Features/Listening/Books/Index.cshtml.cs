using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening.Books;

/// <summary>The sub-district's library: its books, and a new one.</summary>
[Authorize(Policy = ListeningFeature.ManageLibrary)]
public sealed class IndexModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public sealed record BookRow(int Id, string Title, string? Author, int Chapters, int WithAudio);

    public sealed class BookInput
    {
        [Required(ErrorMessage = "请填写书名。"), StringLength(100, ErrorMessage = "书名不能超过 100 个字。"), PlainText]
        public string Title { get; set; } = "";

        [StringLength(100, ErrorMessage = "不能超过 100 个字。"), PlainText]
        public string? Author { get; set; }
    }

    public IReadOnlyList<BookRow> Books { get; private set; } = [];

    [BindProperty]
    public BookInput Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var subDistrict = db.CurrentUser.Scope.SubDistrictId;
        var position = await db.StudyBooks.Where(b => b.SubDistrictId == subDistrict).MaxAsync(b => (int?)b.Position) ?? 0;
        var book = new StudyBook
        {
            SubDistrictId = subDistrict,
            Title = TextNormalizer.Normalize(Input.Title),
            Author = string.IsNullOrWhiteSpace(Input.Author) ? null : TextNormalizer.Normalize(Input.Author),
            Position = position + 1,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.StudyBooks.Add(book);
        await db.SaveChangesAsync();
        return RedirectToPage("/Listening/Books/Details", new { id = book.Id });
    }

    private async Task LoadAsync() =>
        Books = await db.StudyBooks.AsNoTracking().OrderBy(b => b.Position).ThenBy(b => b.Id)
            .Select(b => new BookRow(b.Id, b.Title, b.Author, b.Chapters.Count, b.Chapters.Count(c => c.AudioFileId != null)))
            .ToListAsync();
}
