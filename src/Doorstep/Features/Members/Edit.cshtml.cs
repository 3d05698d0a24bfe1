using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

[Authorize(Policy = MembersFeature.EditMembers)]
public class EditModel(DoorstepDb db, PersonalDataProtector protector) : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public int Id { get; private set; }
    public string MemberName { get; private set; } = "";
    public MemberFormOptions Form { get; private set; } = null!;

    /// <summary>Set when someone else saved the file after this form was opened.</summary>
    public TimelineEvent? Conflict { get; private set; }

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
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id);
        if (member is null)
        {
            return NotFound();
        }

        if (Input.NormalizedIdNumber is { } idNumber && protector.Hash(idNumber) is var hash && hash != member.IdNumberHash
            && await db.Members.IgnoreQueryFilters().AnyAsync(m => m.IdNumberHash == hash))
        {
            ModelState.AddModelError("Input.IdNumber", "该身份证号已有另一份档案，请核对。");
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync(member);
            return Page();
        }

        // The version the form was opened with: EF refuses the update if the file has moved on since.
        db.Entry(member).Property(m => m.Version).OriginalValue = Input.Version;
        Input.ApplyTo(member, protector);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Members.AsNoTracking().FirstAsync(m => m.Id == id);
            Conflict = await MemberTimeline.ChangesSinceAsync(db, current, Input.Version);
            Input.Version = current.Version;
            await ShowAsync(current);
            return Page();
        }

        return Redirect($"/Members/Details/{id}");
    }

    private async Task ShowAsync(Member member)
    {
        Id = member.Id;
        MemberName = member.Name;
        Form = new MemberFormOptions(Input, ModelState, await MemberFormOptions.AreasAsync(db), null, member.IdNumberTail, member.PhoneTail);
    }
}
