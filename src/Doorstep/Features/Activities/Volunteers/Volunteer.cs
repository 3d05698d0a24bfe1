using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Activities.Volunteers;

/// <summary>
/// 志愿者: a person on the roster, a member on file or a resident who is not, who agreed to be listed
/// (consent recorded: when and who took it). The phone is encrypted and masked as a member's is.
/// </summary>
public class Volunteer : IVersioned, IScoped<Volunteer>
{
    /// <summary>The sub-district and the area keep the roster; a volunteer reads their own record only.</summary>
    public static ScopeDeclaration<Volunteer> Scope { get; } = new ScopeDeclaration<Volunteer>()
        .ReadWrite(ScopeKind.SubDistrict, v => v.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, v => v.AreaId)
        .Read(ScopeKind.Volunteer, v => v.Id);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }

    /// <summary>The area where they serve.</summary>
    public int AreaId { get; set; }

    /// <summary>The member file, when the volunteer is a party member.</summary>
    public int? MemberId { get; set; }

    public required string Name { get; set; }
    public string? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public string? PhoneTail { get; set; }
    public string? PhoneAreaCode { get; set; }

    /// <summary>技能, comma-separated as typed: 急救, 理发, 维修, 摄影.</summary>
    public string? Skills { get; set; }

    /// <summary>The day they agreed to be on the roster and to be contacted (本人同意).</summary>
    public DateOnly ConsentOn { get; set; }
    public string ConsentRecordedBy { get; set; } = "";

    /// <summary>The 志愿者 account that speaks for this record, if one was opened.</summary>
    public string? AccountId { get; set; }

    public bool Active { get; set; } = true;
    public int Version { get; set; }

    public string PhoneMasked => Masked.Phone(PhoneTail, PhoneAreaCode);

    public void SetPhone(PhoneNumber? phone, PersonalDataProtector protector)
    {
        PhoneCipher = phone is null ? null : protector.Encrypt(phone.Stored);
        PhoneHash = phone is null ? null : protector.Hash(phone.LookupKey);
        PhoneTail = phone?.Tail;
        PhoneAreaCode = phone?.AreaCode;
    }
}
