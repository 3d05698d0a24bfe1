using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features.Members;

[Authorize(Policy = MembersFeature.EditMembers)]
public class CreateModel(DoorstepDb db, MemberFiles files) : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public MemberFormOptions Form { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        if (db.CurrentUser.Scope.Kind == ScopeKind.ResidentialArea)
        {
            Input.RegisteredAreaId = Input.ResidenceAreaId = db.CurrentUser.Scope.ResidentialAreaId;
        }

        await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await files.CreateAsync(Input, ModelState) is not { } created)
        {
            await ShowAsync();
            return Page();
        }

        return RedirectToPage("Details", new { id = created.Id });
    }

    private async Task ShowAsync() =>
        Form = new MemberFormOptions(Input, await MemberFormOptions.AreasAsync(db), await MemberFormOptions.HoldingUnitsAsync(db), null, null);
}
