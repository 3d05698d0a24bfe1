using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Activities;

/// <summary>How a person came to be on an occurrence's list.</summary>
public enum AttendanceWay
{
    /// <summary>报名 by a cadre on the person's behalf.</summary>
    SignedUpByCadre,
    /// <summary>报名 by the volunteer on their phone.</summary>
    SignedUpBySelf,
    /// <summary>签到 by opening the activity's QR link on their own phone.</summary>
    QrCode,
    /// <summary>签到 ticked by a cadre on the list.</summary>
    ByHand,
    /// <summary>签到 by a cadre scanning the card the member carries (the 随身听 card, ADR 0024).</summary>
    CardScan,
}

/// <summary>
/// One person at one occurrence: signed up, checked in, or both; a member (on file) or a volunteer
/// (on the roster). One row per person and occurrence, held by a unique index on
/// (<see cref="ActivityId"/>, <see cref="Date"/>, <see cref="PersonKey"/>): checking in twice counts once.
/// </summary>
public class Attendance : IScoped<Attendance>
{
    /// <summary>The activity's sub-district and area; a volunteer their own rows (ADR 0019).</summary>
    public static ScopeDeclaration<Attendance> Scope { get; } = new ScopeDeclaration<Attendance>()
        .ReadWrite(ScopeKind.SubDistrict, a => a.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, a => a.AreaId)
        .ReadWrite(ScopeKind.Volunteer, a => a.VolunteerId);

    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity Activity { get; set; } = null!;
    public DateOnly Date { get; set; }

    /// <summary>Copied from the activity, so that scope and figures need no join.</summary>
    public int SubDistrictId { get; set; }
    public int? AreaId { get; set; }

    public int? MemberId { get; set; }
    public int? VolunteerId { get; set; }

    /// <summary>"M42" for member 42, "V7" for volunteer 7: one column for the unique index on both databases.</summary>
    public string PersonKey { get; set; } = "";

    /// <summary>The person's name as it stood, for the ledger (台账) and a volunteer who left the roster.</summary>
    public string Name { get; set; } = "";

    /// <summary>The member's party organisation, for attendance per unit.</summary>
    public int? OrgUnitId { get; set; }

    public DateTime? SignedUpAt { get; set; }
    public DateTime? CheckedInAt { get; set; }
    public AttendanceWay Way { get; set; }
    public string RecordedBy { get; set; } = "";

    /// <summary>
    /// Volunteer service credited, in minutes (the activity's length at check-in, or entered by a
    /// cadre): whole numbers sum exactly on both databases, where SQLite cannot sum decimals.
    /// </summary>
    public int? ServiceMinutes { get; set; }

    public static string KeyOf(int? memberId, int? volunteerId) =>
        memberId is { } m ? $"M{m}" : volunteerId is { } v ? $"V{v}" : throw new ArgumentException("A member or a volunteer.");

    public static string Label(AttendanceWay way) => way switch
    {
        AttendanceWay.SignedUpByCadre => "干部代报名",
        AttendanceWay.SignedUpBySelf => "本人报名",
        AttendanceWay.QrCode => "扫码签到",
        AttendanceWay.ByHand => "名单签到",
        AttendanceWay.CardScan => "扫卡签到",
    };
}
