using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Features.Accounts;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.TemporaryBranches;

/// <summary>
/// Forms a temporary branch in two steps: find and choose the secretary among the sub-district's
/// members (GET, so that the choice lives in the link), then name the branch and its place. The
/// secretary becomes its first member; an unbound secretary account may be bound to it.
/// </summary>
[Authorize(Policy = TemporaryBranchesFeature.ManageBranches)]
public class CreateModel(DoorstepDb db, PersonalDataProtector protector, TimeProvider clock, UserManager<UserAccount> users) : PageModel
{
    public sealed record AccountChoice(string Id, string Label);

    public sealed class CreateInput
    {
        [Display(Name = "名称")]
        [Required(ErrorMessage = "请填写名称，如“彩虹之嘉临时党支部”。")]
        [StringLength(100, ErrorMessage = "名称不能超过100个字。")]
        public string? Name { get; set; }

        [Display(Name = "地点")]
        [Required(ErrorMessage = "请填写党员居住的地点，如“彩虹湾”。")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "地点须为2至100个字，如“彩虹湾”。")]
        public string? Place { get; set; }

        [Display(Name = "书记")]
        [Required(ErrorMessage = "请先查找并选择书记。")]
        public int? SecretaryMemberId { get; set; }

        /// <summary>Optional: the secretary's sign-in account, which then sees exactly this branch's members.</summary>
        [Display(Name = "书记登录账户")]
        public string? AccountId { get; set; }
    }

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    /// <summary>What was typed to find the secretary: a name, pinyin initials, or the last four of an ID or phone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Find { get; set; }

    public IReadOnlyList<BranchMemberRow> Candidates { get; private set; } = [];
    public BranchMemberRow? Secretary { get; private set; }
    public IReadOnlyList<AccountChoice> Accounts { get; private set; } = [];
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    public async Task OnGetAsync(int? secretaryId)
    {
        Input.SecretaryMemberId = secretaryId;
        await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Name = TextNormalizer.Normalize(Input.Name);
        Input.Place = TextNormalizer.Normalize(Input.Place);
        ModelState.Clear();
        TryValidateModel(Input, nameof(Input));
        await ShowAsync();

        if (Input.SecretaryMemberId is not null && Secretary is null)
        {
            ModelState.AddModelError("Input.SecretaryMemberId", "请选择本街道的一位党员担任书记。");
        }

        if (!string.IsNullOrEmpty(Input.Name) && await TemporaryBranchQueries.Visible(db).AnyAsync(u => u.Name == Input.Name))
        {
            ModelState.AddModelError("Input.Name", "已有同名的临时党支部，请换一个名称。");
        }

        var account = string.IsNullOrEmpty(Input.AccountId) ? null : (await UnboundSecretaryAccountsAsync()).FirstOrDefault(a => a.Id == Input.AccountId);
        if (!string.IsNullOrEmpty(Input.AccountId) && account is null)
        {
            ModelState.AddModelError("Input.AccountId", "所选账户不能使用：须为本街道尚未绑定支部的“临时党支部书记”账户。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        var committee = await db.OrgUnits
            .Where(u => u.SubDistrictId == subDistrictId && u.Kind == OrgUnitKind.WorkingCommittee)
            .Select(u => (int?)u.Id).FirstOrDefaultAsync();
        var branch = new OrgUnit
        {
            SubDistrictId = subDistrictId,
            ParentId = committee,
            Kind = OrgUnitKind.TemporaryBranch,
            Name = Input.Name!,
            Place = Input.Place,
            SecretaryMemberId = Input.SecretaryMemberId,
        };

        // The branch, its first member and the account's new scope stand or fall together.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.OrgUnits.Add(branch);
        db.TemporaryBranchMemberships.Add(new TemporaryBranchMembership { OrgUnit = branch, MemberId = Input.SecretaryMemberId!.Value, JoinedOn = Today });
        await db.SaveChangesAsync();
        if (account is not null)
        {
            account.OrgUnitId = branch.Id;
            // A new stamp ends any session the account already has within a minute; the next sign-in carries the branch.
            var bound = await users.UpdateSecurityStampAsync(account);
            if (!bound.Succeeded)
            {
                throw new InvalidOperationException("Binding the secretary account failed: " + string.Join("; ", bound.Errors.Select(e => e.Description)));
            }
        }

        await transaction.CommitAsync();
        return RedirectToPage("/TemporaryBranches/Details", new { id = branch.Id });
    }

    private async Task ShowAsync()
    {
        if (Input.SecretaryMemberId is { } secretaryId)
        {
            Secretary = await db.Members.Where(m => m.Id == secretaryId).ToBranchRows().FirstOrDefaultAsync();
            Accounts = (await UnboundSecretaryAccountsAsync()).Select(a => new AccountChoice(a.Id, $"{a.DisplayName}（{a.UserName}）")).ToList();
        }

        if (!string.IsNullOrWhiteSpace(Find))
        {
            var filter = new MemberFilter { Q = Find };
            Candidates = await filter.Order(filter.Apply(db, Today, protector), db.CurrentUser.Scope).Take(10).ToBranchRows().ToListAsync();
        }
    }

    private async Task<List<UserAccount>> UnboundSecretaryAccountsAsync() =>
        (await users.GetUsersInRoleAsync(Roles.TemporaryBranchSecretary))
            .Where(a => a.SubDistrictId == db.CurrentUser.Scope.SubDistrictId && a.OrgUnitId is null)
            .OrderBy(a => a.UserName, StringComparer.Ordinal)
            .ToList();
}
