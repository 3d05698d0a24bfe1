using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Inspections;

/// <summary>已登记 → 已派单 → 整改中 → 已整改 → 已验收（销号）; 不属于本部门 waits for the sub-district to reroute it.</summary>
public enum SpotStatus
{
    Registered,
    Dispatched,
    InProgress,
    Fixed,
    Verified,
    NotOurs,
}

/// <summary>Who found the spot: staff, a volunteer, a building leader (楼组长), or a resident who rang in.</summary>
public enum ReporterKind
{
    Staff,
    Volunteer,
    BuildingLeader,
    ResidentByPhone,
}

/// <summary>
/// 问题点位 (排查登记): one dirty or disorderly spot, where it is, who found it, which department must
/// rectify it by when, and each step with who and when. The workflow lives here with typed refusals
/// (<see cref="SpotError"/>), as Transfer's does, so pages and the API share one set of rules.
/// </summary>
public class ProblemSpot : IVersioned, IScoped<ProblemSpot>
{
    /// <summary>
    /// The sub-district sees all; a cadre their area's spots; a department handler the spots routed to
    /// their department (ADR 0020); a volunteer the spots they registered themselves (ADR 0025).
    /// </summary>
    public static ScopeDeclaration<ProblemSpot> Scope { get; } = new ScopeDeclaration<ProblemSpot>()
        .ReadWrite(ScopeKind.SubDistrict, s => s.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, s => s.AreaId)
        .ReadWrite(ScopeKind.Department, s => s.DepartmentId)
        .ReadWrite(ScopeKind.Volunteer, s => s.ReporterVolunteerId);

    /// <summary>An overdue spot is raised to the sub-district this long after its deadline passed.</summary>
    public static readonly TimeSpan EscalateAfter = TimeSpan.FromHours(24);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public int AreaId { get; set; }
    public int CategoryId { get; set; }
    public InspectionCategory? Category { get; set; }

    /// <summary>The fixed inspection point (点位) where a round found it, if any.</summary>
    public int? InspectionPointId { get; set; }

    public required string Description { get; set; }

    /// <summary>门牌地址或地标: 天水路 120 弄 3 号楼道, 张桥菜场东门.</summary>
    public required string Address { get; set; }

    /// <summary>A point on the area's plan image, in the image's pixels (Leaflet CRS.Simple); none when not marked.</summary>
    public double? PlanX { get; set; }
    public double? PlanY { get; set; }

    public ReporterKind ReporterKind { get; set; }

    /// <summary>Who registered it: the staff member, volunteer or building leader by name, or who took the call.</summary>
    public string ReporterName { get; set; } = "";

    /// <summary>The roster record of the volunteer who registered it on their own phone: they follow it on 我发现的问题.</summary>
    public int? ReporterVolunteerId { get; set; }

    /// <summary>The resident's phone for a report made on their behalf: encrypted, with hash and tail as on a member's file.</summary>
    public string? ResidentPhoneCipher { get; set; }
    public string? ResidentPhoneHash { get; set; }
    public string? ResidentPhoneTail { get; set; }
    public string? ResidentPhoneAreaCode { get; set; }

    /// <summary>The resident's phone as every page shows it: *******1234.</summary>
    public string ResidentPhoneMasked => Masked.Phone(ResidentPhoneTail, ResidentPhoneAreaCode);

    public SpotStatus Status { get; set; }

    /// <summary>Raised by each “我也反映” (me too): more people, more urgent.</summary>
    public int Priority { get; set; }

    public int? DepartmentId { get; set; }

    /// <summary>责任人 named by the matrix or the reroute.</summary>
    public string? ResponsiblePerson { get; set; }

    public DateTime ReportedAt { get; set; }
    public string ReportedBy { get; set; } = "";
    public DateTime? DispatchedAt { get; set; }

    /// <summary>整改时限: dispatch time plus the matrix's hours for the area and category.</summary>
    public DateTime? DueAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FixedAt { get; set; }
    public string? FixedBy { get; set; }

    /// <summary>The account that recorded the fix: the one account that may not verify it.</summary>
    public string? FixedByUserId { get; set; }
    public string? FixNote { get; set; }
    public DateTime? VerifiedAt { get; set; }
    public string? VerifiedBy { get; set; }
    public int ReopenCount { get; set; }

    /// <summary>The last reason given for 退回, 不属于本部门 or a reroute.</summary>
    public string? LastReason { get; set; }

    /// <summary>When the overdue spot was raised to the sub-district (EscalationJob).</summary>
    public DateTime? EscalatedAt { get; set; }

    public int Version { get; set; }

    public static readonly SpotStatus[] Open = [SpotStatus.Registered, SpotStatus.Dispatched, SpotStatus.InProgress, SpotStatus.NotOurs];

    public bool IsOpen => Status is SpotStatus.Registered or SpotStatus.Dispatched or SpotStatus.InProgress or SpotStatus.NotOurs;

    public bool IsOverdue(DateTime now) => IsOpen && DueAt is { } due && due < now;

    /// <summary>Fixed by its deadline (a verified spot counts by when it was fixed).</summary>
    public bool FixedInTime => FixedAt is { } at && DueAt is { } due && at <= due;

    public static ProblemSpot Register(
        int subDistrictId, int areaId, int categoryId, string description, string address, ReporterKind reporterKind, string reporterName,
        SpotActor actor, DateTime now) => new()
        {
            SubDistrictId = subDistrictId,
            AreaId = areaId,
            CategoryId = categoryId,
            Description = description,
            Address = address,
            ReporterKind = reporterKind,
            ReporterName = reporterName,
            Status = SpotStatus.Registered,
            ReportedAt = now,
            ReportedBy = actor.Name,
        };

    /// <summary>派单 by the matrix: the department, person and hours for this area and category. Null leaves it 已登记 for the sub-district.</summary>
    public bool Route(ResponsibilityRule? rule, DateTime now)
    {
        if (rule is null || rule.AreaId != AreaId || rule.CategoryId != CategoryId)
        {
            return false;
        }

        Dispatch(rule.DepartmentId, rule.ResponsiblePerson, rule.DeadlineHours, now);
        return true;
    }

    /// <summary>改派: the sub-district sends an open spot to another department, saying why; the deadline starts again.</summary>
    public SpotError? Reroute(SpotActor actor, int departmentId, string? person, int deadlineHours, string? reason, DateTime now)
    {
        if (!IsOpen)
        {
            return new StepNotOpen(Status);
        }

        if (!actor.IsAdminOf(SubDistrictId))
        {
            return new OnlySubDistrictReroutes();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ReasonRequired("改派");
        }

        if (deadlineHours is < 1 or > 24 * 90)
        {
            return new DeadlineOutOfRange();
        }

        Dispatch(departmentId, person, deadlineHours, now);
        LastReason = reason.Trim();
        return null;
    }

    /// <summary>开始整改: the responsible department takes it in hand.</summary>
    public SpotError? Start(SpotActor actor, DateTime now)
    {
        if (Refusal(SpotStatus.Dispatched, ActsForDepartment(actor)) is { } refusal)
        {
            return refusal;
        }

        Status = SpotStatus.InProgress;
        StartedAt = now;
        return null;
    }

    /// <summary>整改完成: with a note of what was done and at least one after-photo (整改后照片).</summary>
    public SpotError? MarkFixed(SpotActor actor, string? note, int afterPhotos, DateTime now)
    {
        if (Status is not (SpotStatus.Dispatched or SpotStatus.InProgress))
        {
            return new StepNotOpen(Status);
        }

        if (!ActsForDepartment(actor))
        {
            return new NotYourDepartment();
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return new FixNoteRequired();
        }

        if (afterPhotos == 0)
        {
            return new AfterPhotoRequired();
        }

        Status = SpotStatus.Fixed;
        StartedAt ??= now;
        FixedAt = now;
        FixedBy = actor.Name;
        FixedByUserId = actor.UserId;
        FixNote = note.Trim();
        return null;
    }

    /// <summary>验收销号: the area or the sub-district checks the fix on the spot; never the person who recorded it.</summary>
    public SpotError? Verify(SpotActor actor, DateTime now)
    {
        if (Refusal(SpotStatus.Fixed, ChecksTheArea(actor)) is { } refusal)
        {
            return refusal;
        }

        if (actor.UserId is not null && actor.UserId == FixedByUserId)
        {
            return new VerifierIsFixer();
        }

        Status = SpotStatus.Verified;
        VerifiedAt = now;
        VerifiedBy = actor.Name;
        return null;
    }

    /// <summary>退回: not fixed after all; back to 整改中 with the reason. The deadline stands: a reopened spot is often overdue.</summary>
    public SpotError? Reopen(SpotActor actor, string? reason, DateTime now)
    {
        if (Refusal(SpotStatus.Fixed, ChecksTheArea(actor)) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ReasonRequired("退回");
        }

        Status = SpotStatus.InProgress;
        StartedAt ??= now;
        FixedAt = null;
        FixedBy = null;
        FixedByUserId = null;
        ReopenCount++;
        LastReason = reason.Trim();
        return null;
    }

    /// <summary>不属于本部门: the department hands it back for the sub-district to reroute, saying whose it is.</summary>
    public SpotError? Decline(SpotActor actor, string? reason)
    {
        if (Status is not (SpotStatus.Dispatched or SpotStatus.InProgress))
        {
            return new StepNotOpen(Status);
        }

        if (!ActsForDepartment(actor))
        {
            return new NotYourDepartment();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ReasonRequired("不属于本部门");
        }

        Status = SpotStatus.NotOurs;
        LastReason = reason.Trim();
        return null;
    }

    /// <summary>我也反映: one more person reports the same open spot.</summary>
    public SpotError? MeToo()
    {
        if (!IsOpen)
        {
            return new StepNotOpen(Status);
        }

        Priority++;
        return null;
    }

    /// <summary>超期升级: a spot still open <see cref="EscalateAfter"/> past its deadline goes to the sub-district's list, once.</summary>
    public bool EscalateIfLate(DateTime now)
    {
        if (EscalatedAt is not null || !IsOpen || DueAt is not { } due || now - due < EscalateAfter)
        {
            return false;
        }

        EscalatedAt = now;
        return true;
    }

    public bool ActsForDepartment(SpotActor actor) =>
        actor.IsAdminOf(SubDistrictId) || (DepartmentId is { } department && actor.DepartmentId == department);

    public bool ChecksTheArea(SpotActor actor) => actor.IsAdminOf(SubDistrictId) || actor.AreaId == AreaId;

    private void Dispatch(int departmentId, string? person, int deadlineHours, DateTime now)
    {
        DepartmentId = departmentId;
        ResponsiblePerson = TextNormalizer.OrNull(person);
        Status = SpotStatus.Dispatched;
        DispatchedAt = now;
        DueAt = now.AddHours(deadlineHours);
        StartedAt = null;
        EscalatedAt = null;
    }

    private SpotError? Refusal(SpotStatus expected, bool owner) =>
        Status != expected ? new StepNotOpen(Status)
        : !owner ? new NotYourStep(StepLabel(Status))
        : null;

    public static string Label(SpotStatus status) => status switch
    {
        SpotStatus.Registered => "已登记",
        SpotStatus.Dispatched => "已派单",
        SpotStatus.InProgress => "整改中",
        SpotStatus.Fixed => "已整改",
        SpotStatus.Verified => "已验收销号",
        SpotStatus.NotOurs => "待改派",
    };

    /// <summary>The step a spot in this status waits for.</summary>
    public static string StepLabel(SpotStatus status) => status switch
    {
        SpotStatus.Registered => "派单",
        SpotStatus.Dispatched => "开始整改",
        SpotStatus.InProgress => "整改完成",
        SpotStatus.Fixed => "验收销号",
        SpotStatus.Verified => "已销号",
        SpotStatus.NotOurs => "改派",
    };

    public static string Label(ReporterKind kind) => kind switch
    {
        ReporterKind.Staff => "工作人员",
        ReporterKind.Volunteer => "志愿者",
        ReporterKind.BuildingLeader => "楼组长",
        ReporterKind.ResidentByPhone => "居民来电",
    };
}
