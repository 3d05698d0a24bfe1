using Doorstep.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

[Authorize(Policy = MembersFeature.EditMembers)]
public class EditModel(DoorstepDb db, MemberFiles files) : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    /// <summary>After a conflict: per field that differs, which value to keep (<see cref="MemberFiles.Theirs"/> or <see cref="MemberFiles.Mine"/>).</summary>
    [BindProperty]
    public Dictionary<string, string> Choices { get; set; } = [];

    /// <summary>The version the choices were made against; the form's own version stays the one it was opened with.</summary>
    [BindProperty]
    public int? ChoicesVersion { get; set; }

    public int Id { get; private set; }
    public string MemberName { get; private set; } = "";
    public MemberFormOptions Form { get; private set; } = null!;

    /// <summary>Set when someone else saved the file after this form was opened.</summary>
    public MemberConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (member is null)
        {
            return NotFound();
        }

        Input = MemberInput.From(member);
        await ShowAsync(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var result = await files.UpdateAsync(id, Input, ModelState, ChoicesVersion is null ? null : Choices, ChoicesVersion);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Saved is not null)
        {
            return RedirectToPage("Details", new { id });
        }

        Conflict = result.Conflict;
        await ShowAsync(Conflict?.Current ?? await db.Members.AsNoTracking().FirstAsync(m => m.Id == id));
        return Page();
    }

    private async Task ShowAsync(Member member)
    {
        Id = member.Id;
        MemberName = member.Name;
        Form = new MemberFormOptions(Input, await MemberFormOptions.AreasAsync(db), null, member.IdNumberTail, member.PhoneTail);
    }
}
