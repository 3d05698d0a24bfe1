using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// Creating or changing a campaign: its particulars, the package and the target rule, with the number
/// of members the rule matches now. The 统计人数 button recounts without JavaScript; home-visits.js
/// recounts as the rule changes (handler Count, answered as JSON).
/// </summary>
[Authorize(Policy = HomeVisitsFeature.RunCampaigns)]
public class EditModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public sealed class CampaignInput
    {
        [Required(ErrorMessage = "请填写活动名称。"), StringLength(100, ErrorMessage = "活动名称不超过100个字。"), PlainText, Display(Name = "活动名称")]
        public string? Title { get; set; }

        [StringLength(2000, ErrorMessage = "活动说明不超过2000个字。"), PlainText, Display(Name = "活动说明")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "请填写开始日期。")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "请填写结束日期。")]
        public DateOnly? EndsOn { get; set; }

        [Required(ErrorMessage = "请填写送学物品，每行一项。"), StringLength(2000, ErrorMessage = "送学物品不超过2000个字。"), PlainText, Display(Name = "送学物品")]
        public string? Package { get; set; }

        [Range(0, 120, ErrorMessage = "年龄请填 0 到 120 之间的整数。")]
        public int? MinAge { get; set; }

        [Range(0, 100, ErrorMessage = "党龄请填 0 到 100 之间的整数。")]
        public int? MinPartyAge { get; set; }

        public List<CareNeeds> CareNeeds { get; set; } = [];
        public List<int> Areas { get; set; } = [];

        public TargetRule Rule => new(MinAge, MinPartyAge, CareNeeds.Aggregate(Members.CareNeeds.None, (a, n) => a | n), Areas);
    }

    public static readonly CareNeeds[] NeedChoices = [CareNeeds.LowVision, CareNeeds.LimitedMobility, CareNeeds.HardOfHearing, CareNeeds.LivesAlone];

    [BindProperty]
    public CampaignInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public int? Id { get; private set; }
    public IReadOnlyList<(int Id, string Name)> AreaChoices { get; private set; } = [];

    /// <summary>How many members the rule matches now; null until counted.</summary>
    public int? MatchCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        var today = ChinaTime.Today(clock);
        if (id is { } existing)
        {
            if (await db.InScope<VisitCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == existing) is not { } c)
            {
                return NotFound();
            }

            Id = c.Id;
            Version = c.Version;
            Input = new CampaignInput
            {
                Title = c.Title,
                Description = c.Description,
                StartsOn = c.StartsOn,
                EndsOn = c.EndsOn,
                Package = c.Package,
                MinAge = c.MinAge,
                MinPartyAge = c.MinPartyAge,
                Areas = c.Areas.ToList(),
                CareNeeds = NeedChoices.Where(n => c.CareNeeds.HasFlag(n)).ToList(),
            };
        }
        else
        {
            Input = new CampaignInput
            {
                StartsOn = today,
                EndsOn = today.AddMonths(2),
                MinAge = 80,
                CareNeeds = [CareNeeds.LowVision],
                Package = string.Join('\n', HomeVisitsDemo.Books),
            };
        }

        await LoadAreasAsync();
        if (Input.Areas.Count == 0)
        {
            Input.Areas = AreaChoices.Select(a => a.Id).ToList();
        }

        MatchCount = await CountAsync(Input.Rule);
        return Page();
    }

    /// <summary>统计人数: the count for the rule as typed; JSON for the script, the page itself without it.</summary>
    public async Task<IActionResult> OnPostCountAsync(int? id)
    {
        Id = id;
        await LoadAreasAsync();
        var rule = Input.Rule;
        var problem = rule.Problem();
        MatchCount = problem is null ? await CountAsync(rule) : null;
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            return new JsonResult(new { count = MatchCount, problem });
        }

        ModelState.Clear();
        if (problem is not null)
        {
            ModelState.AddModelError("Input.Areas", problem);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        await LoadAreasAsync();
        if (Input.Rule.Problem() is { } problem)
        {
            ModelState.AddModelError("Input.Areas", problem);
        }

        if (Input.StartsOn > Input.EndsOn)
        {
            ModelState.AddModelError("Input.EndsOn", "结束日期不能早于开始日期。");
        }

        var allowed = AreaChoices.Select(a => a.Id).ToHashSet();
        if (Input.Areas.Any(a => !allowed.Contains(a)))
        {
            ModelState.AddModelError("Input.Areas", "所选居民区不在本街道。");
        }

        if (!ModelState.IsValid)
        {
            MatchCount = Input.Rule.Problem() is null ? await CountAsync(Input.Rule) : null;
            return Page();
        }

        VisitCampaign campaign;
        if (id is { } existing)
        {
            if (await db.InScope<VisitCampaign>().FirstOrDefaultAsync(c => c.Id == existing) is not { } found)
            {
                return NotFound();
            }

            campaign = found;
            db.Entry(campaign).Property(c => c.Version).OriginalValue = Version;
        }
        else
        {
            campaign = new VisitCampaign
            {
                Title = "",
                SubDistrictId = db.CurrentUser.Scope.SubDistrictId,
                Status = CampaignStatus.Draft,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                CreatedBy = db.CurrentUser.Name,
            };
            db.Add(campaign);
        }

        campaign.Title = Input.Title!.Trim();
        campaign.Description = TextNormalizer.OrNull(Input.Description);
        campaign.StartsOn = Input.StartsOn!.Value;
        campaign.EndsOn = Input.EndsOn!.Value;
        campaign.Package = string.Join('\n', Input.Package!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        campaign.MinAge = Input.MinAge;
        campaign.MinPartyAge = Input.MinPartyAge;
        campaign.CareNeeds = Input.Rule.CareNeeds;
        campaign.AreaIds = VisitCampaign.JoinAreas(Input.Areas);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "保存前已有其他人修改了这个活动，请刷新页面后重新修改。");
            return Page();
        }

        return RedirectToPage("/HomeVisits/Details", new { id = campaign.Id });
    }

    private async Task LoadAreasAsync()
    {
        var subDistrict = db.CurrentUser.Scope.SubDistrictId;
        var areas = await db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == subDistrict)
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync();
        AreaChoices = areas.Select(a => (a.Id, a.Name)).ToList();
    }

    /// <summary>The live count: the same expression the start job uses, counted by the database.</summary>
    private async Task<int> CountAsync(TargetRule rule) =>
        await db.MembersInScope.AsNoTracking().Where(rule.Matches(ChinaTime.Today(clock))).CountAsync();

    public static string NeedLabel(CareNeeds need) => Member.Labels(need).First();
}
