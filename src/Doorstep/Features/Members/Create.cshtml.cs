using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

[Authorize(Policy = MembersFeature.EditMembers)]
public class CreateModel(DoorstepDb db, PersonalDataProtector protector) : PageModel
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
        var result = await MemberCreation.CreateAsync(db, protector, Input, ModelState);
        if (result is null)
        {
            await ShowAsync();
            return Page();
        }

        return Redirect($"/Members/Details/{result.Id}");
    }

    private async Task ShowAsync() =>
        Form = new MemberFormOptions(Input, ModelState, await MemberFormOptions.AreasAsync(db), await MemberFormOptions.HoldingUnitsAsync(db), null, null);
}

/// <summary>Creating a file, shared by the create page and the API: the checks that need the database, then the save.</summary>
public static class MemberCreation
{
    public static async Task<Member?> CreateAsync(DoorstepDb db, PersonalDataProtector protector, MemberInput input, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        var units = await MemberFormOptions.HoldingUnitsAsync(db);
        if (input.OrgUnitId is not { } orgUnitId || units.All(u => u.Id != orgUnitId))
        {
            state.AddModelError("Input.OrgUnitId", "请选择档案所在的党组织（须在您的管理范围内）。");
        }

        if (input.NormalizedIdNumber is not { } idNumber)
        {
            state.AddModelError("Input.IdNumber", "请填写18位公民身份号码。");
        }
        else if (state.GetValidationState("Input.IdNumber") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
                 && await db.Members.IgnoreQueryFilters().AnyAsync(m => m.IdNumberHash == protector.Hash(idNumber)))
        {
            // Whose file it is may be outside this user's scope: say that it exists, not whose it is.
            state.AddModelError("Input.IdNumber", "该身份证号已建档，请先查找；如档案在其他居民区，请联系街道管理员。");
        }

        if (!state.IsValid)
        {
            return null;
        }

        var member = new Member { Name = "", SubDistrictId = db.CurrentUser.Scope.SubDistrictId, OrgUnitId = input.OrgUnitId!.Value };
        input.ApplyTo(member, protector);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member;
    }
}
