using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening.Books;

/// <summary>A book's chapters with their audio, and a new chapter.</summary>
[Authorize(Policy = ListeningFeature.ManageLibrary)]
public sealed class DetailsModel(DoorstepDb db) : PageModel
{
    public sealed record ChapterRow(int Id, int Number, string Title, AudioSource AudioSource, SpeechState SpeechState, int? AudioSeconds);

    public sealed class ChapterInput
    {
        [Required(ErrorMessage = "请填写章节标题。"), StringLength(100, ErrorMessage = "标题不能超过 100 个字。"), PlainText]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "请填写章节文字。"), StringLength(StudyChapter.MaxTextLength, ErrorMessage = "一章的文字不能超过 20000 个字，请分成几章。"), PlainText]
        public string Text { get; set; } = "";
    }

    public StudyBook Book { get; private set; } = null!;
    public IReadOnlyList<ChapterRow> Chapters { get; private set; } = [];

    [BindProperty]
    public ChapterInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var chapter = new StudyChapter
        {
            BookId = Book.Id,
            SubDistrictId = Book.SubDistrictId,
            Number = Chapters.Count == 0 ? 1 : Chapters.Max(c => c.Number) + 1,
            Title = TextNormalizer.Normalize(Input.Title),
            Text = Input.Text.Trim(),
        };
        db.StudyChapters.Add(chapter);
        await db.SaveChangesAsync();
        return RedirectToPage("/Listening/Chapters/Edit", new { id = chapter.Id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var book = await db.StudyBooks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id);
        if (book is null)
        {
            return false;
        }

        Book = book;
        Chapters = await db.StudyChapters.AsNoTracking().Where(c => c.BookId == id).OrderBy(c => c.Number)
            .Select(c => new ChapterRow(c.Id, c.Number, c.Title, c.AudioSource, c.SpeechState, c.AudioSeconds)).ToListAsync();
        return true;
    }
}
