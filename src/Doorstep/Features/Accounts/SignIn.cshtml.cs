using System.ComponentModel.DataAnnotations;
using Doorstep.Data.Demo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features.Accounts;

[AllowAnonymous]
public class SignInModel(SignInManager<UserAccount> signIn, DecoyPassword decoy, IConfiguration config, IEnumerable<IFeatureDemo> featureDemos) : PageModel
{
    /// <summary>One message for an unknown user, a wrong password and a locked account, so none of them tells which.</summary>
    public const string FailureMessage = "用户名或密码不正确。连续输错5次，账户将被锁定15分钟。";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public bool DemoMode => config.GetValue<bool>("Doorstep:DemoMode");

    public IEnumerable<DemoData.DemoAccount> DemoAccounts =>
        DemoData.Accounts.Concat(featureDemos.OrderBy(f => f.Order).SelectMany(f => f.Accounts));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await signIn.UserManager.FindByNameAsync(Input.UserName.Trim()) is not { } user)
        {
            decoy.Check(Input.Password);
            Failed = true;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            Failed = true;
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "请输入用户名。")]
        [StringLength(256, ErrorMessage = "用户名太长。")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请输入密码。")]
        [StringLength(256, ErrorMessage = "密码太长。")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
