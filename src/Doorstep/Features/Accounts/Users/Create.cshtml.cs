using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Accounts.Users;

[Authorize(Policy = AccountsFeature.ManageUsers)]
public class CreateModel(DoorstepDb db, UserManager<UserAccount> users, AccountSetup setup) : PageModel
{
    private const string UserNameField = $"{nameof(Input)}.{nameof(CreateInput.UserName)}";
    private const string RoleField = $"{nameof(Input)}.{nameof(CreateInput.Role)}";
    private const string AreaField = $"{nameof(Input)}.{nameof(CreateInput.ResidentialAreaId)}";
    private const string BranchField = $"{nameof(Input)}.{nameof(CreateInput.OrgUnitId)}";
    private const string DepartmentField = $"{nameof(Input)}.{nameof(CreateInput.DepartmentId)}";
    private const string PasswordField = $"{nameof(Input)}.{nameof(CreateInput.Password)}";

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public IEnumerable<SelectListItem> Areas { get; private set; } = [];
    public IEnumerable<SelectListItem> TemporaryBranches { get; private set; } = [];
    public IEnumerable<SelectListItem> Departments { get; private set; } = [];

    private int SubDistrictId => db.CurrentUser.Scope.SubDistrictId;

    public async Task OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await ValidateAsync();
        if (!ModelState.IsValid)
        {
            await ShowAsync();
            return Page();
        }

        var role = Input.Role;
        var result = await setup.CreateAsync(
            Input.UserName, Input.DisplayName.Trim(), role, SubDistrictId, Input.Password,
            residentialAreaId: role == Roles.AreaCadre ? Input.ResidentialAreaId : null,
            orgUnitId: role == Roles.TemporaryBranchSecretary ? Input.OrgUnitId : null,
            departmentId: role == Roles.DepartmentHandler ? Input.DepartmentId : null);
        if (!result.Succeeded)
        {
            AddErrors(result);
            await ShowAsync();
            return Page();
        }

        var created = await users.FindByNameAsync(Input.UserName);
        Done = $"已创建账户 {Input.UserName}。请把用户名和初始密码告知本人。";
        return RedirectToPage("/Accounts/Users/Details", new { id = created!.Id });
    }

    /// <summary>Everything the form can be wrong about, found in one pass so that each field shows its own message.</summary>
    private async Task ValidateAsync()
    {
        if (!string.IsNullOrEmpty(Input.Role) && !Roles.GrantedBySubDistrict.Contains(Input.Role))
        {
            ModelState.AddModelError(RoleField, "请从列表中选择角色。");
        }

        var subDistrictId = SubDistrictId;
        switch (Input.Role)
        {
            case Roles.AreaCadre:
                await RequireOwnAsync(AreaField, Input.ResidentialAreaId, "居民区干部须选择居民区。", "所选居民区不在本街道，请重新选择。",
                    id => db.ResidentialAreas.AnyAsync(a => a.Id == id && a.SubDistrictId == subDistrictId));
                break;
            case Roles.TemporaryBranchSecretary:
                await RequireOwnAsync(BranchField, Input.OrgUnitId, "临时党支部书记须选择临时党支部。", "所选临时党支部不在本街道，请重新选择。",
                    id => db.OrgUnits.AnyAsync(o => o.Id == id && o.SubDistrictId == subDistrictId && o.Kind == OrgUnitKind.TemporaryBranch));
                break;
            case Roles.DepartmentHandler:
                await RequireOwnAsync(DepartmentField, Input.DepartmentId, "部门经办人须选择部门。", "所选部门不在本街道，请重新选择。",
                    id => db.Departments.AnyAsync(d => d.Id == id && d.SubDistrictId == subDistrictId));
                break;
        }

        if (ModelState.GetFieldValidationState(UserNameField) != ModelValidationState.Invalid
            && await users.FindByNameAsync(Input.UserName) is not null)
        {
            ModelState.AddModelError(UserNameField, $"用户名“{Input.UserName}”已被使用，请换一个。");
        }

        if (!string.IsNullOrEmpty(Input.Password))
        {
            var candidate = new UserAccount { UserName = Input.UserName, DisplayName = Input.DisplayName };
            foreach (var validator in users.PasswordValidators)
            {
                var checkedPassword = await validator.ValidateAsync(users, candidate, Input.Password);
                if (!checkedPassword.Succeeded)
                {
                    AddErrors(checkedPassword);
                }
            }
        }
    }

    private async Task RequireOwnAsync(string field, int? id, string missing, string foreign, Func<int, Task<bool>> isOwn)
    {
        if (id is null)
        {
            ModelState.AddModelError(field, missing);
        }
        else if (!await isOwn(id.Value))
        {
            ModelState.AddModelError(field, foreign);
        }
    }

    /// <summary>Identity's (Chinese) messages at the field they are about; a field shows one message, so they are joined.</summary>
    private void AddErrors(IdentityResult result)
    {
        foreach (var group in result.Errors.GroupBy(e => FieldOf(e.Code)))
        {
            ModelState.AddModelError(group.Key, string.Concat(group.Select(e => e.Description)));
        }
    }

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? PasswordField
        : code.Contains("UserName", StringComparison.Ordinal) ? UserNameField
        : "";

    private async Task ShowAsync()
    {
        var subDistrictId = SubDistrictId;
        Areas = await db.ResidentialAreas.AsNoTracking()
            .Where(a => a.SubDistrictId == subDistrictId)
            .OrderBy(a => a.Id)
            .Select(a => new SelectListItem(a.Name + "居民区", a.Id.ToString()))
            .ToListAsync();
        TemporaryBranches = await db.OrgUnits.AsNoTracking()
            .Where(o => o.SubDistrictId == subDistrictId && o.Kind == OrgUnitKind.TemporaryBranch)
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync();
        Departments = await db.Departments.AsNoTracking()
            .Where(d => d.SubDistrictId == subDistrictId)
            .OrderBy(d => d.Id)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString()))
            .ToListAsync();
    }

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "请填写用户名。")]
        [RegularExpression(AccountInputRules.UserNamePattern, ErrorMessage = AccountInputRules.UserNameMessage)]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请填写姓名。")]
        [StringLength(50, ErrorMessage = "姓名不能超过50个字。")]
        [PlainText]
        [Display(Name = "姓名")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "请选择角色。")]
        [Display(Name = "角色")]
        public string Role { get; set; } = "";

        [Display(Name = "居民区")]
        public int? ResidentialAreaId { get; set; }

        [Display(Name = "临时党支部")]
        public int? OrgUnitId { get; set; }

        [Display(Name = "部门")]
        public int? DepartmentId { get; set; }

        [Required(ErrorMessage = "请填写初始密码。")]
        [StringLength(AccountInputRules.PasswordMaxLength, ErrorMessage = AccountInputRules.PasswordTooLong)]
        [DataType(DataType.Password)]
        [Display(Name = "初始密码")]
        public string Password { get; set; } = "";
    }
}
