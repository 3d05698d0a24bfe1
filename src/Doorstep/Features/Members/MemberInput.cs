using System.ComponentModel.DataAnnotations;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Members;

/// <summary>
/// A member file as a form or an API body fills it in. The same rules serve the create and edit
/// pages and the API: data annotations for each field, <see cref="Validate"/> for rules across fields.
/// </summary>
public sealed class MemberInput : IValidatableObject
{
    public static readonly CareNeeds[] CareNeedChoices =
        [Members.CareNeeds.LowVision, Members.CareNeeds.LimitedMobility, Members.CareNeeds.HardOfHearing, Members.CareNeeds.LivesAlone, Members.CareNeeds.UsesSmartphone];

    /// <summary>The version the form was opened with; a save against a newer file is refused.</summary>
    public int Version { get; set; }

    [Display(Name = MemberFields.Name)]
    [Required(ErrorMessage = "请填写姓名。")]
    [StringLength(50, ErrorMessage = "姓名不能超过50个字。")]
    [PlainText]
    public string Name { get; set; } = "";

    [Display(Name = MemberFields.Gender)]
    public Gender Gender { get; set; }

    [Display(Name = MemberFields.Ethnicity)]
    [Required(ErrorMessage = "请填写民族，如“汉族”。")]
    [StringLength(20, ErrorMessage = "民族不能超过20个字。")]
    [PlainText]
    public string Ethnicity { get; set; } = "汉族";

    [Display(Name = MemberFields.BirthDate)]
    [Required(ErrorMessage = "请填写出生日期。")]
    public DateOnly? BirthDate { get; set; }

    /// <summary>Left empty on the edit page, the number on file is kept.</summary>
    [Display(Name = MemberFields.IdNumber)]
    [IdNumber]
    public string? IdNumber { get; set; }

    /// <summary>Left empty on the edit page, the phone on file is kept.</summary>
    [Display(Name = MemberFields.Phone)]
    [Phone]
    public string? Phone { get; set; }

    [Display(Name = MemberFields.Education)]
    [StringLength(20, ErrorMessage = "学历不能超过20个字。")]
    [PlainText]
    public string? Education { get; set; }

    [Display(Name = MemberFields.Category)]
    public MemberCategory Category { get; set; }

    [Display(Name = MemberFields.JoinedOn)]
    public DateOnly? JoinedOn { get; set; }

    [Display(Name = MemberFields.FullMemberOn)]
    public DateOnly? FullMemberOn { get; set; }

    [Display(Name = MemberFields.OrgUnit)]
    public int? OrgUnitId { get; set; }

    [Display(Name = MemberFields.RegisteredAddress)]
    [StringLength(200, ErrorMessage = "地址不能超过200个字。")]
    [PlainText]
    public string? RegisteredAddress { get; set; }

    [Display(Name = MemberFields.RegisteredArea)]
    public int? RegisteredAreaId { get; set; }

    [Display(Name = MemberFields.ResidenceAddress)]
    [StringLength(200, ErrorMessage = "地址不能超过200个字。")]
    [PlainText]
    public string? ResidenceAddress { get; set; }

    [Display(Name = MemberFields.ResidenceArea)]
    public int? ResidenceAreaId { get; set; }

    /// <summary>None when left out or sent as null by an API client.</summary>
    [Display(Name = MemberFields.CareNeeds)]
    public List<CareNeeds> CareNeeds { get; set => field = value ?? []; } = [];

    [Display(Name = MemberFields.Status)]
    public MemberStatus Status { get; set; }

    [Display(Name = MemberFields.Notes)]
    [StringLength(2000, ErrorMessage = "备注不能超过2000个字。")]
    [PlainText]
    public string? Notes { get; set; }

    /// <summary>The identity number as stored: half-width, no spaces, upper-case X.</summary>
    public string? NormalizedIdNumber => string.IsNullOrWhiteSpace(IdNumber) ? null : TextNormalizer.Compact(IdNumber).ToUpperInvariant();

    public PhoneNumber? ParsedPhone => PhoneNumber.Parse(Phone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var clock = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        return MemberValidation.AcrossFields(this, ChinaTime.Today(clock));
    }

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
        OrgUnitId = m.OrgUnitId,
        RegisteredAddress = m.RegisteredAddress,
        RegisteredAreaId = m.RegisteredAreaId,
        ResidenceAddress = m.ResidenceAddress,
        ResidenceAreaId = m.ResidenceAreaId,
        CareNeeds = CareNeedChoices.Where(n => m.CareNeeds.HasFlag(n)).ToList(),
        Status = m.Status,
        Notes = m.Notes,
    };

    /// <summary>
    /// Notes keep their lines (a list of visits, an address and a phone on two lines); each line is
    /// normalized like any other text, and blank lines at either end are dropped.
    /// </summary>
    public static string? MultiLine(string? text)
    {
        var lines = (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(TextNormalizer.Normalize).ToList();
        var first = lines.FindIndex(l => l.Length > 0);
        return first < 0 ? null : string.Join("\n", lines[first..(lines.FindLastIndex(l => l.Length > 0) + 1)]);
    }

    /// <summary>Copies the fields onto the file. The org unit moves only by transfer, so it is set on creation alone.</summary>
    public void ApplyTo(Member m, PersonalDataProtector protector)
    {
        m.Name = TextNormalizer.Normalize(Name);
        m.Gender = Gender;
        m.Ethnicity = TextNormalizer.Normalize(Ethnicity);
        m.BirthDate = BirthDate!.Value;
        m.Education = TextNormalizer.OrNull(Education);
        m.Category = Category;
        m.JoinedOn = JoinedOn;
        m.FullMemberOn = FullMemberOn;
        m.RegisteredAddress = TextNormalizer.OrNull(RegisteredAddress);
        m.RegisteredAreaId = RegisteredAreaId;
        m.ResidenceAddress = TextNormalizer.OrNull(ResidenceAddress);
        m.ResidenceAreaId = ResidenceAreaId;
        m.CareNeeds = CareNeeds.Aggregate(Members.CareNeeds.None, (all, n) => all | n);
        m.Status = Status;
        m.Notes = MultiLine(Notes);
        if (NormalizedIdNumber is { } id && protector.Hash(id) != m.IdNumberHash)
        {
            m.SetIdNumber(id, protector);
        }

        // The hash leaves out an extension, so an extension alone that changed is told by the stored form.
        if (ParsedPhone is { } phone && (m.PhoneCipher is null || protector.Hash(phone.LookupKey) != m.PhoneHash || protector.Decrypt(m.PhoneCipher) != phone.Stored))
        {
            m.SetPhone(phone, protector);
        }
    }
}
