using Doorstep.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Accounts.Users;

/// <summary>One account, with what the admin can do to it: disable, enable, set a new password.</summary>
[Authorize(Policy = AccountsFeature.ManageUsers)]
public class DetailsModel(DoorstepDb db, UserManager<UserAccount> users, SignInManager<UserAccount> signIn, TimeProvider clock) : PageModel
{
    public AccountRow Account { get; private set; } = null!;
    public AccountStatus Status { get; private set; }
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    /// <summary>The admin's own account: it cannot be disabled from here, or nobody might be left to enable it.</summary>
    public bool IsSelf { get; private set; }

    /// <summary>Why the last action was refused, when it was not a field's fault.</summary>
    public string? Refusal { get; private set; }

    [TempData]
    public string? Done { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(string id) => await ShowAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        var user = await FindAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == db.CurrentUser.Id)
        {
            return await RefuseAsync(id, "不能停用自己的账户。");
        }

        user.Disable();
        // The new stamp ends the sessions the account has open at their next check, within a minute.
        var result = await users.UpdateSecurityStampAsync(user);
        return await AfterAsync(id, result, "已停用该账户：无法再登录，已登录的设备将在一分钟内退出登录。");
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        var user = await FindAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        user.Enable();
        var result = await users.UpdateAsync(user);
        return await AfterAsync(id, result, "已启用该账户，可以重新登录。");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        var user = await FindAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "请填写新密码。");
            await ShowAsync(id);
            return Page();
        }

        // Whoever phones the admin after five wrong tries should not wait out the lockout as well;
        // a disabled account stays disabled.
        if (!user.IsDisabled)
        {
            user.Enable();
        }

        // Resetting through a token validates the password, renews the security stamp (ending the
        // account's open sessions) and saves once; a failed check saves nothing.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, NewPassword);
        if (!result.Succeeded && result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)))
        {
            ModelState.AddModelError(nameof(NewPassword), string.Concat(result.Errors.Select(e => e.Description)));
            await ShowAsync(id);
            return Page();
        }

        if (result.Succeeded && user.Id == db.CurrentUser.Id)
        {
            // The renewed stamp would otherwise sign the admin out of this very session within a minute.
            await signIn.RefreshSignInAsync(user);
        }

        return await AfterAsync(id, result, user.Id == db.CurrentUser.Id ? "已重置您的密码。" : "已重置密码。请把新密码告知本人。");
    }

    private async Task<IActionResult> AfterAsync(string id, IdentityResult result, string done)
    {
        if (!result.Succeeded)
        {
            return await RefuseAsync(id, string.Concat(result.Errors.Select(e => e.Description)));
        }

        Done = done;
        return RedirectToPage("/Accounts/Users/Details", new { id });
    }

    private async Task<IActionResult> RefuseAsync(string id, string why)
    {
        Refusal = why;
        await ShowAsync(id);
        return Page();
    }

    private Task<UserAccount?> FindAsync(string id) => db.AccountsOfOwnSubDistrict().FirstOrDefaultAsync(u => u.Id == id);

    private async Task<bool> ShowAsync(string id)
    {
        var account = await db.AccountsOfOwnSubDistrict().Where(u => u.Id == id).ToRows(db).FirstOrDefaultAsync();
        if (account is null)
        {
            return false;
        }

        Account = account;
        Status = account.StatusOn(Now);
        IsSelf = account.Id == db.CurrentUser.Id;
        return true;
    }
}
