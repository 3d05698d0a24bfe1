using Doorstep.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.TemporaryBranches;

/// <summary>Takes a member out of a temporary branch after a confirmation page; the home branch is untouched.</summary>
[Authorize(Policy = TemporaryBranchesFeature.ManageBranches)]
public class RemoveModel(DoorstepDb db) : PageModel
{
    public BranchSummary Branch { get; private set; } = null!;
    public BranchMemberRow Member { get; private set; } = null!;
    public bool IsSecretary => Member.Id == Branch.SecretaryMemberId;

    public async Task<IActionResult> OnGetAsync(int id, int memberId) =>
        await LoadAsync(id, memberId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int memberId)
    {
        if (!await LoadAsync(id, memberId))
        {
            return NotFound();
        }

        if (IsSecretary)
        {
            // The page explains why; the button is not offered.
            return Page();
        }

        var membership = await db.TemporaryBranchMemberships.FirstAsync(t => t.OrgUnitId == id && t.MemberId == memberId);
        db.TemporaryBranchMemberships.Remove(membership);
        await db.SaveChangesAsync();
        return RedirectToPage("/TemporaryBranches/Details", new { id, removed = true });
    }

    private async Task<bool> LoadAsync(int id, int memberId)
    {
        var branch = await TemporaryBranchQueries.Summaries(db, TemporaryBranchQueries.Visible(db).Where(u => u.Id == id)).FirstOrDefaultAsync();
        var member = branch is null
            ? null
            : await db.Members.Where(m => m.Id == memberId && m.TemporaryBranches.Any(t => t.OrgUnitId == id)).ToBranchRows().FirstOrDefaultAsync();
        if (branch is null || member is null)
        {
            return false;
        }

        Branch = branch;
        Member = member;
        return true;
    }
}
