using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.TemporaryBranches;

/// <summary>
/// A temporary branch and its members. The admin also adds members here: those whose residence
/// address names the branch's place are suggested, and any member of the sub-district can be found
/// with the member list's search box. Adding never moves a file: the home branch stays.
/// </summary>
[Authorize(Policy = TemporaryBranchesFeature.ViewBranches)]
public class DetailsModel(DoorstepDb db, PersonalDataProtector protector, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    private const int SuggestionLimit = 50;
    private const int SearchLimit = 20;

    public BranchSummary Branch { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<BranchMemberRow> Members { get; private set; } = [];
    public IReadOnlyList<string> SecretaryAccounts { get; private set; } = [];
    public IReadOnlyList<BranchMemberRow> Suggestions { get; private set; } = [];
    public int SuggestionTotal { get; private set; }
    public IReadOnlyList<BranchMemberRow> Found { get; private set; } = [];
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    /// <summary>The search box for adding members: the member list's own search (name, pinyin initials, last four).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Added { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Removed { get; set; }

    public Task<IActionResult> OnGetAsync(int id) => ShowAsync(id);

    public async Task<IActionResult> OnPostAddAsync(int id, int[] memberIds)
    {
        if (!(await authorization.AuthorizeAsync(User, TemporaryBranchesFeature.ManageBranches)).Succeeded)
        {
            return Forbid();
        }

        if (!await TemporaryBranchQueries.Visible(db).AnyAsync(u => u.Id == id))
        {
            return NotFound();
        }

        // Through the scoped Members set: an ID from outside the sub-district, or already in, adds nothing.
        var ids = memberIds.Distinct().ToList();
        var addable = await Addable(db.Members, id).Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync();
        db.TemporaryBranchMemberships.AddRange(addable.Select(memberId => new TemporaryBranchMembership { OrgUnitId = id, MemberId = memberId, JoinedOn = Today }));
        await db.SaveChangesAsync();
        return RedirectToPage("/TemporaryBranches/Details", new { id, added = addable.Count });
    }

    /// <summary>Members who may join: not yet in the branch, and neither transferred out nor deceased.</summary>
    private static IQueryable<Member> Addable(IQueryable<Member> members, int branchId) =>
        members.Where(m => m.Status != MemberStatus.TransferredOut && m.Status != MemberStatus.Deceased
                           && !m.TemporaryBranches.Any(t => t.OrgUnitId == branchId));

    private async Task<IActionResult> ShowAsync(int id)
    {
        // Another sub-district's branch, or another branch for a secretary, looks like no branch at all.
        var branch = await TemporaryBranchQueries.Summaries(db, TemporaryBranchQueries.Visible(db).Where(u => u.Id == id)).FirstOrDefaultAsync();
        if (branch is null)
        {
            return NotFound();
        }

        Branch = branch;
        CanManage = (await authorization.AuthorizeAsync(User, TemporaryBranchesFeature.ManageBranches)).Succeeded;
        Members = await db.Members.Where(m => m.TemporaryBranches.Any(t => t.OrgUnitId == id))
            .OrderBy(m => m.NameInitials).ThenBy(m => m.Id).ToBranchRows().ToListAsync();
        if (!CanManage)
        {
            return Page();
        }

        SecretaryAccounts = await db.Users.Where(u => u.OrgUnitId == id).OrderBy(u => u.UserName)
            .Select(u => u.DisplayName + "（" + u.UserName + "）").ToListAsync();

        if (branch.Place is { Length: > 0 } place)
        {
            // A leading-wildcard LIKE reads every member of the sub-district: fine for an admin page opened now and then.
            var living = Addable(db.Members, id).Where(m => m.ResidenceAddress != null && m.ResidenceAddress.Contains(place));
            SuggestionTotal = await living.CountAsync();
            Suggestions = await living.OrderBy(m => m.NameInitials).ThenBy(m => m.Id).Take(SuggestionLimit).ToBranchRows().ToListAsync();
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var filter = new MemberFilter { Q = Q };
            Found = await filter.Order(Addable(filter.Apply(db, Today, protector), id), db.CurrentUser.Scope).Take(SearchLimit).ToBranchRows().ToListAsync();
        }

        return Page();
    }
}
