using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.TemporaryBranches;

/// <summary>The sub-district's temporary branches; a secretary goes straight to their own.</summary>
[Authorize(Policy = TemporaryBranchesFeature.ViewBranches)]
public class IndexModel(DoorstepDb db) : PageModel
{
    public IReadOnlyList<BranchSummary> Branches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = db.CurrentUser.Scope;
        if (scope.Kind == ScopeKind.TemporaryBranch)
        {
            return RedirectToPage("/TemporaryBranches/Details", new { id = scope.OrgUnitId });
        }

        Branches = await TemporaryBranchQueries.Summaries(db, TemporaryBranchQueries.Visible(db).OrderBy(u => u.Id)).ToListAsync();
        return Page();
    }
}
