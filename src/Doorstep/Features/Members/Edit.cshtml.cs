using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

[Authorize(Policy = MembersFeature.MemberFiles)]
public class EditModel(DoorstepDb db, PersonalDataProtector protector, TimeProvider clock) : PageModel
{
    public static readonly CareNeeds[] CareNeedChoices =
        [CareNeeds.LowVision, CareNeeds.LimitedMobility, CareNeeds.HardOfHearing, CareNeeds.LivesAlone, CareNeeds.UsesSmartphone];

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public int Id { get; private set; }
    public string MemberName { get; private set; } = "";
    public string? PhoneTail { get; private set; }
    public IEnumerable<SelectListItem> Areas { get; private set; } = [];

    /// <summary>Set when someone else saved the file after this form was opened.</summary>
    public TimelineEvent? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (member is null)
        {
            return NotFound();
        }

        Input = MemberInput.From(member);
        await ShowAsync(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id);
        if (member is null)
        {
            return NotFound();
        }

        Validate();
        if (!ModelState.IsValid)
        {
            await ShowAsync(member);
            return Page();
        }

        // The version the form was opened with: EF refuses the update if the file has moved on since.
        db.Entry(member).Property(m => m.Version).OriginalValue = Input.Version;
        Input.ApplyTo(member, protector);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Members.AsNoTracking().FirstAsync(m => m.Id == id);
            var others = (await MemberTimeline.ForAsync(db, current, take: Math.Max(1, current.Version - Input.Version)))
                .Where(e => e.What == "修改档案").ToList();
            Conflict = new TimelineEvent(
                others.FirstOrDefault()?.OccurredAt ?? DateTime.UtcNow,
                string.Join("、", others.Select(e => e.Who).Distinct()),
                "修改档案",
                others.SelectMany(e => e.Changes).ToList());
            Input.Version = current.Version;
            await ShowAsync(current);
            return Page();
        }

        return Redirect($"/Members/Details/{id}");
    }

    private void Validate()
    {
        var today = ChinaTime.Today(clock);
        if (Input.BirthDate is { } birth && (birth > today || birth.Year < 1900))
        {
            ModelState.AddModelError("Input.BirthDate", "出生日期不在合理范围内，请核对。");
        }

        if (Input.FullMemberOn is { } full && Input.JoinedOn is { } joined && full < joined)
        {
            ModelState.AddModelError("Input.FullMemberOn", "转正日期不能早于入党日期。");
        }

        if (Input.Category == MemberCategory.Full && Input.FullMemberOn is null)
        {
            ModelState.AddModelError("Input.FullMemberOn", "正式党员请填写转正日期。");
        }
    }

    private async Task ShowAsync(Member member)
    {
        Id = member.Id;
        MemberName = member.Name;
        PhoneTail = member.PhoneTail;
        Areas = await db.ResidentialAreas.AsNoTracking()
            .Where(a => a.SubDistrictId == member.SubDistrictId)
            .OrderBy(a => a.Id)
            .Select(a => new SelectListItem(a.Name + "居民区", a.Id.ToString()))
            .ToListAsync();
    }

    public sealed class MemberInput
    {
        public int Version { get; set; }

        [Required(ErrorMessage = "请填写姓名。")]
        [StringLength(50, ErrorMessage = "姓名不能超过50个字。")]
        [Display(Name = "姓名")]
        public string Name { get; set; } = "";

        [Display(Name = "性别")]
        public Gender Gender { get; set; }

        [Required(ErrorMessage = "请填写民族，如“汉族”。")]
        [StringLength(20, ErrorMessage = "民族不能超过20个字。")]
        [Display(Name = "民族")]
        public string Ethnicity { get; set; } = "";

        [Required(ErrorMessage = "请填写出生日期。")]
        [Display(Name = "出生日期")]
        public DateOnly? BirthDate { get; set; }

        [RegularExpression(@"^1\d{10}$", ErrorMessage = "手机号应为以1开头的11位数字。")]
        [Display(Name = "手机号")]
        public string? Phone { get; set; }

        [StringLength(20, ErrorMessage = "学历不能超过20个字。")]
        [Display(Name = "学历")]
        public string? Education { get; set; }

        [Display(Name = "党员类别")]
        public MemberCategory Category { get; set; }
        [Display(Name = "入党日期")]
        public DateOnly? JoinedOn { get; set; }
        [Display(Name = "转正日期")]
        public DateOnly? FullMemberOn { get; set; }

        [StringLength(200, ErrorMessage = "地址不能超过200个字。")]
        [Display(Name = "户籍地址")]
        public string? RegisteredAddress { get; set; }

        [StringLength(200, ErrorMessage = "地址不能超过200个字。")]
        [Display(Name = "居住地址")]
        public string? ResidenceAddress { get; set; }

        [Display(Name = "居住所在居民区")]
        public int? ResidenceAreaId { get; set; }
        [Display(Name = "关怀需求")]
        public List<CareNeeds> CareNeeds { get; set; } = [];
        [Display(Name = "状态")]
        public MemberStatus Status { get; set; }

        [StringLength(2000, ErrorMessage = "备注不能超过2000个字。")]
        [Display(Name = "备注")]
        public string? Notes { get; set; }

        public static MemberInput From(Member m) => new()
        {
            Version = m.Version,
            Name = m.Name,
            Gender = m.Gender,
            Ethnicity = m.Ethnicity,
            BirthDate = m.BirthDate,
            Education = m.Education,
            Category = m.Category,
            JoinedOn = m.JoinedOn,
            FullMemberOn = m.FullMemberOn,
            RegisteredAddress = m.RegisteredAddress,
            ResidenceAddress = m.ResidenceAddress,
            ResidenceAreaId = m.ResidenceAreaId,
            CareNeeds = CareNeedChoices.Where(n => m.CareNeeds.HasFlag(n)).ToList(),
            Status = m.Status,
            Notes = m.Notes,
        };

        public void ApplyTo(Member m, PersonalDataProtector protector)
        {
            m.Name = Name.Trim();
            m.Gender = Gender;
            m.Ethnicity = Ethnicity.Trim();
            m.BirthDate = BirthDate!.Value;
            m.Education = Education?.Trim();
            m.Category = Category;
            m.JoinedOn = JoinedOn;
            m.FullMemberOn = FullMemberOn;
            m.RegisteredAddress = RegisteredAddress?.Trim();
            m.ResidenceAddress = ResidenceAddress?.Trim();
            m.ResidenceAreaId = ResidenceAreaId;
            m.CareNeeds = CareNeeds.Aggregate(Members.CareNeeds.None, (all, n) => all | n);
            m.Status = Status;
            m.Notes = Notes?.Trim();
            if (!string.IsNullOrWhiteSpace(Phone) && protector.Hash(Phone.Trim()) != m.PhoneHash)
            {
                m.SetPhone(Phone.Trim(), protector);
            }
        }
    }
}
