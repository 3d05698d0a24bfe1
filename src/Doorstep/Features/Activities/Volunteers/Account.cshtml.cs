using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Doorstep.Data;
using Doorstep.Features.Accounts;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities.Volunteers;

/// <summary>
/// 志愿者手机账号: opens a sign-in for a roster record, so the volunteer sees their own schedule and hours
/// (ADR 0019), and closes it again. The record is found through the roster's scope, so a cadre reaches
/// only their own area's volunteers whatever id is typed.
/// </summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class AccountModel(DoorstepDb db, UserManager<UserAccount> users, AccountSetup setup) : PageModel
{
    private const string UserNameField = $"{nameof(Input)}.{nameof(AccountInput.UserName)}";
    private const string PasswordField = $"{nameof(Input)}.{nameof(AccountInput.Password)}";

    public sealed class AccountInput
    {
        [Required(ErrorMessage = "请填写用户名。")]
        [RegularExpression(AccountInputRules.UserNamePattern, ErrorMessage = AccountInputRules.UserNameMessage)]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        /// <summary>Left empty, a password is made and shown once.</summary>
        [StringLength(AccountInputRules.PasswordMaxLength, ErrorMessage = AccountInputRules.PasswordTooLong)]
        [DataType(DataType.Password)]
        [Display(Name = "初始密码")]
        public string? Password { get; set; }
    }

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public Volunteer Volunteer { get; private set; } = null!;
    public string? AccountUserName { get; private set; }
    public AccountStatus? Status { get; private set; }

    /// <summary>The password just made, shown on this one response and never stored in the clear.</summary>
    public string? MadePassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.UserName = $"zy{Volunteer.Id.ToString(CultureInfo.InvariantCulture)}";
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Volunteer.AccountId is not null)
        {
            ModelState.AddModelError("", "该志愿者已开通手机账号；如需重开，请先关闭原账号。");
            return Page();
        }

        await ValidateAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var password = string.IsNullOrEmpty(Input.Password) ? InitialPassword.New() : Input.Password;
        var volunteerClaim = new Claim(DataScope.Claims.Volunteer, Volunteer.Id.ToString(CultureInfo.InvariantCulture));

        // The account, its role and claim, and the record's link are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await setup.CreateAsync(Input.UserName, Volunteer.Name, Roles.Volunteer, Volunteer.SubDistrictId, password, claims: [volunteerClaim]);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }

        var account = await users.FindByNameAsync(Input.UserName);
        Volunteer.AccountId = account!.Id;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        AccountUserName = account.UserName;
        Status = AccountStatus.Active;
        MadePassword = string.IsNullOrEmpty(Input.Password) ? password : null;
        Done = null;
        // The page carries a password: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Volunteer.AccountId is null)
        {
            Done = "该志愿者没有手机账号。";
            return RedirectToPage(new { id });
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await users.FindByIdAsync(Volunteer.AccountId) is { } account)
        {
            account.Disable();
            // The renewed stamp ends the sessions the phone has open, within a minute.
            var result = await users.UpdateSecurityStampAsync(account);
            if (result.Succeeded)
            {
                var links = (await users.GetClaimsAsync(account)).Where(c => c.Type == DataScope.Claims.Volunteer).ToList();
                result = await users.RemoveClaimsAsync(account, links);
            }

            if (!result.Succeeded)
            {
                AddErrors(result);
                return Page();
            }
        }

        Volunteer.AccountId = null;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Done = "已关闭该志愿者的手机账号：无法再登录，已登录的手机将在一分钟内退出登录。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        // The roster's filter is the scope check: another area's record is simply not found.
        if (await db.Set<Volunteer>().FirstOrDefaultAsync(v => v.Id == id && v.Active) is not { } volunteer)
        {
            return false;
        }

        Volunteer = volunteer;
        if (volunteer.AccountId is { } accountId
            && await db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => new { u.UserName, u.LockoutEnd }).FirstOrDefaultAsync() is { } account)
        {
            AccountUserName = account.UserName;
            Status = UserAccount.StatusOf(account.LockoutEnd, DateTimeOffset.UtcNow);
        }

        return true;
    }

    private async Task ValidateAsync()
    {
        if (ModelState.GetFieldValidationState(UserNameField) != ModelValidationState.Invalid
            && await users.FindByNameAsync(Input.UserName) is not null)
        {
            ModelState.AddModelError(UserNameField, $"用户名“{Input.UserName}”已被使用，请换一个。");
        }

        if (!string.IsNullOrEmpty(Input.Password))
        {
            var candidate = new UserAccount { UserName = Input.UserName, DisplayName = Volunteer.Name };
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
}
