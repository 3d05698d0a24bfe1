using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// 走访照片: the photo of one visit, through the file store (ADR 0012). The visit is looked up first,
/// and served only when it is in the user's scope or belongs to a member whose file the user may
/// read (the file's timeline lists visits recorded while another area held it); the file must be
/// the one that visit owns. A guessed visit id of another area answers 404, as a missing one does.
/// </summary>
[Authorize(Policy = HomeVisitsFeature.Visit)]
public class PhotoModel(DoorstepDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var visit = await db.Set<HomeVisit>().IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.Id == id && v.PhotoFileId != null)
            .Select(v => new { v.PhotoFileId, v.MemberId })
            .FirstOrDefaultAsync();
        if (visit is null
            || !(await db.InScope<HomeVisit>().AnyAsync(v => v.Id == id) || await db.InScope<Member>().AnyAsync(m => m.Id == visit.MemberId)))
        {
            return NotFound();
        }

        var owner = StoredFile.OwnerOf(nameof(HomeVisit), id);
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == visit.PhotoFileId && f.Owner == owner);
        return file is null ? NotFound() : new StoredFileResult(file);
    }
}
