using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Doorstep.Features.Activities.Volunteers;

/// <summary>登记志愿者: on the roster only with the person's consent, recorded with who took it and when.</summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class CreateModel(DoorstepDb db, PersonalDataProtector protector, TimeProvider clock) : PageModel
{
    public sealed class VolunteerInput
    {
        [Display(Name = "姓名"), PlainText]
        public string Name { get; set; } = "";

        [Display(Name = "服务居民区")]
        public int? AreaId { get; set; }

        [Display(Name = "联系电话"), PlainText]
        public string? Phone { get; set; }

        [Display(Name = "技能"), PlainText]
        public string? Skills { get; set; }

        [Display(Name = "本人同意")]
        public bool Consent { get; set; }
    }

    [BindProperty]
    public VolunteerInput Input { get; set; } = new();

    public List<SelectListItem> Areas { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input.AreaId = ActivityScope.OwnArea(db);
        Areas = await ActivityScope.AreasAsync(db);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Areas = await ActivityScope.AreasAsync(db);
        const string prefix = nameof(Input) + ".";
        if (string.IsNullOrWhiteSpace(Input.Name) || Input.Name.Trim().Length > 50)
        {
            ModelState.AddModelError(prefix + nameof(Input.Name), "请填写姓名（最多50个字）。");
        }

        if (Input.AreaId is not { } area || !Areas.Any(a => a.Value == area.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError(prefix + nameof(Input.AreaId), "请选择服务居民区。");
        }

        if (!string.IsNullOrWhiteSpace(Input.Phone) && PhoneNumber.Problem(Input.Phone) is { } phoneProblem)
        {
            ModelState.AddModelError(prefix + nameof(Input.Phone), phoneProblem);
        }

        if (Input.Skills?.Length > 200)
        {
            ModelState.AddModelError(prefix + nameof(Input.Skills), "技能最多200个字。");
        }

        if (!Input.Consent)
        {
            ModelState.AddModelError(prefix + nameof(Input.Consent), "须经本人同意才能登记为志愿者并保存联系方式。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var volunteer = new Volunteer
        {
            SubDistrictId = db.CurrentUser.Scope.SubDistrictId,
            AreaId = Input.AreaId!.Value,
            Name = Input.Name.Trim(),
            Skills = string.IsNullOrWhiteSpace(Input.Skills) ? null : Input.Skills.Trim(),
            ConsentOn = ChinaTime.Today(clock),
            ConsentRecordedBy = db.CurrentUser.Name,
        };
        volunteer.SetPhone(PhoneNumber.Parse(Input.Phone), protector);
        db.Set<Volunteer>().Add(volunteer);
        await db.SaveChangesAsync();
        return RedirectToPage("/Activities/Volunteers/Index");
    }
}
