using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Transfers;

public enum TransferKind
{
    /// <summary>街道内转接: between two org units of this sub-district; the file moves on completion.</summary>
    Internal,
    /// <summary>转往街道外: to a party organisation outside the deployment; the file is closed as 已转出.</summary>
    Outbound,
    /// <summary>从街道外转入: from outside; the file is created (or a closed one reopened) on completion.</summary>
    Inbound,
}

/// <summary>申请 → 转出方审核 → 转入方接收 → 完成, or 退回 at any step before 完成.</summary>
public enum TransferStatus
{
    Applied,
    ApprovedByOrigin,
    AcceptedByDestination,
    Completed,
    Returned,
}

/// <summary>The other side's facts as written on the letter: who they are, the letter number, a contact, why.</summary>
public sealed record TransferParticulars(string? OtherParty, string? LetterNumber, string? Contact, string? Reason);

/// <summary>A person coming from outside, as the incoming letter names them: what the file needs to be created.</summary>
public sealed record InboundPerson(
    string Name, Gender Gender, string Ethnicity, DateOnly BirthDate, MemberCategory Category, DateOnly? JoinedOn, DateOnly? FullMemberOn,
    string IdNumberCipher, string IdNumberHash, string IdNumberTail);

/// <summary>
/// 组织关系接转: one transfer of a member's file, with who did each step and when. The member's
/// particulars are copied in when the transfer opens: the letter is a dated document, and the
/// receiving side must see them before the file is in its scope (it never sees the file itself).
/// </summary>
public class Transfer : IVersioned, IScoped<Transfer>
{
    /// <summary>Seen and acted on by both ends (ADR 6): the sending and the receiving area, and the admin.</summary>
    public static ScopeDeclaration<Transfer> Scope { get; } = new ScopeDeclaration<Transfer>()
        .ReadWrite(ScopeKind.SubDistrict, t => t.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, t => t.FromAreaId)
        .ReadWrite(ScopeKind.ResidentialArea, t => t.ToAreaId);

    /// <summary>A letter is valid this long from the day the origin approves it (有效期).</summary>
    public const int LetterValidDays = 30;

    public int Id { get; set; }

    /// <summary>The sub-district whose admin oversees the transfer (both ends of an internal one lie in it).</summary>
    public int SubDistrictId { get; set; }
    public TransferKind Kind { get; set; }
    public TransferStatus Status { get; set; }

    /// <summary>The file; none yet for an inbound transfer of someone not on file until it completes.</summary>
    public int? MemberId { get; set; }
    public Member? Member { get; set; }

    public required string MemberName { get; set; }
    public Gender Gender { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    public DateOnly BirthDate { get; set; }
    public MemberCategory Category { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? FullMemberOn { get; set; }
    public string IdNumberCipher { get; set; } = "";
    public string IdNumberHash { get; set; } = "";
    public string IdNumberTail { get; set; } = "";

    /// <summary>The unit that holds the file now; none for an inbound transfer.</summary>
    public int? FromOrgUnitId { get; set; }
    public OrgUnit? FromOrgUnit { get; set; }

    /// <summary>The area of <see cref="FromOrgUnitId"/>, copied so that scope and step rules need no join.</summary>
    public int? FromAreaId { get; set; }

    /// <summary>The unit that will hold the file; none for an outbound transfer.</summary>
    public int? ToOrgUnitId { get; set; }
    public OrgUnit? ToOrgUnit { get; set; }
    public int? ToAreaId { get; set; }

    /// <summary>The party organisation outside the deployment: where an outbound transfer goes, where an inbound one comes from.</summary>
    public string? OtherParty { get; set; }

    /// <summary>介绍信编号.</summary>
    public string? LetterNumber { get; set; }

    /// <summary>联系人及电话 of the other side.</summary>
    public string? Contact { get; set; }
    public string? Reason { get; set; }

    public DateTime AppliedAt { get; set; }
    public string AppliedBy { get; set; } = "";
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public string? ReturnedBy { get; set; }

    /// <summary>The status the transfer had when it was returned: whose step refused it.</summary>
    public TransferStatus? ReturnedAtStep { get; set; }
    public string? ReturnReason { get; set; }

    public int Version { get; set; }

    public static readonly TransferStatus[] Pending = [TransferStatus.Applied, TransferStatus.ApprovedByOrigin, TransferStatus.AcceptedByDestination];

    public bool IsPending => Status is TransferStatus.Applied or TransferStatus.ApprovedByOrigin or TransferStatus.AcceptedByDestination;

    /// <summary>转出 of a file on record: to another unit here (<paramref name="to"/>) or outside (<paramref name="to"/> null).</summary>
    public static Transfer Outward(Member member, OrgUnit from, OrgUnit? to, TransferParticulars particulars, TransferActor actor, DateTime now) => new()
    {
        SubDistrictId = from.SubDistrictId,
        Kind = to is null ? TransferKind.Outbound : TransferKind.Internal,
        Status = TransferStatus.Applied,
        MemberId = member.Id,
        MemberName = member.Name,
        Gender = member.Gender,
        Ethnicity = member.Ethnicity,
        BirthDate = member.BirthDate,
        Category = member.Category,
        JoinedOn = member.JoinedOn,
        FullMemberOn = member.FullMemberOn,
        IdNumberCipher = member.IdNumberCipher,
        IdNumberHash = member.IdNumberHash,
        IdNumberTail = member.IdNumberTail,
        FromOrgUnitId = from.Id,
        FromAreaId = from.ResidentialAreaId,
        ToOrgUnitId = to?.Id,
        ToAreaId = to?.ResidentialAreaId,
        OtherParty = to is null ? particulars.OtherParty : null,
        LetterNumber = particulars.LetterNumber,
        Contact = particulars.Contact,
        Reason = particulars.Reason,
        AppliedAt = now,
        AppliedBy = actor.Name,
    };

    /// <summary>转入 from outside into <paramref name="to"/>; <paramref name="closedFileId"/> is a file here that was transferred out before.</summary>
    public static Transfer Inward(InboundPerson person, int? closedFileId, OrgUnit to, TransferParticulars particulars, TransferActor actor, DateTime now) => new()
    {
        SubDistrictId = to.SubDistrictId,
        Kind = TransferKind.Inbound,
        Status = TransferStatus.Applied,
        MemberId = closedFileId,
        MemberName = person.Name,
        Gender = person.Gender,
        Ethnicity = person.Ethnicity,
        BirthDate = person.BirthDate,
        Category = person.Category,
        JoinedOn = person.JoinedOn,
        FullMemberOn = person.FullMemberOn,
        IdNumberCipher = person.IdNumberCipher,
        IdNumberHash = person.IdNumberHash,
        IdNumberTail = person.IdNumberTail,
        ToOrgUnitId = to.Id,
        ToAreaId = to.ResidentialAreaId,
        OtherParty = particulars.OtherParty,
        LetterNumber = particulars.LetterNumber,
        Contact = particulars.Contact,
        Reason = particulars.Reason,
        AppliedAt = now,
        AppliedBy = actor.Name,
    };

    /// <summary>
    /// Why this new transfer may not be opened, or null. <paramref name="fileStatus"/> is the status of the
    /// file on record (for an inbound transfer: of an earlier file with the same ID number, if any);
    /// <paramref name="anotherPending"/> whether the person already has a transfer under way.
    /// </summary>
    public TransferError? RefusalToOpen(MemberStatus? fileStatus, bool anotherPending, TransferActor actor)
    {
        if (!SpeaksForOrigin(actor))
        {
            return new NotYourStep("申请");
        }

        if (anotherPending)
        {
            return new AnotherTransferPending();
        }

        if (Kind == TransferKind.Inbound)
        {
            return fileStatus is null or MemberStatus.TransferredOut ? null : new FileAlreadyActive();
        }

        if (Kind == TransferKind.Internal && ToOrgUnitId == FromOrgUnitId)
        {
            return new SameUnit();
        }

        return FileRefusal(fileStatus);
    }

    /// <summary>转出方审核: the origin checks and issues the letter; a letter without a number gets one.</summary>
    public TransferError? Approve(TransferActor actor, DateTime now)
    {
        if (Refusal(TransferStatus.Applied, SpeaksForOrigin(actor)) is { } refusal)
        {
            return refusal;
        }

        Status = TransferStatus.ApprovedByOrigin;
        ApprovedAt = now;
        ApprovedBy = actor.Name;
        if (string.IsNullOrWhiteSpace(LetterNumber))
        {
            LetterNumber = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ChinaTime.ToChina(now).Year}-{Id:D4}");
        }

        return null;
    }

    /// <summary>转入方接收; for an outbound transfer the origin records the receipt (回执) from outside.</summary>
    public TransferError? Accept(TransferActor actor, DateTime now)
    {
        if (Refusal(TransferStatus.ApprovedByOrigin, SpeaksForDestination(actor)) is { } refusal)
        {
            return refusal;
        }

        Status = TransferStatus.AcceptedByDestination;
        AcceptedAt = now;
        AcceptedBy = actor.Name;
        return null;
    }

    /// <summary>
    /// 完成: the file follows the transfer. Internal: it moves to the receiving unit. Outbound: it is
    /// closed as 已转出. Inbound: a new file is created under the receiving unit, or the earlier file
    /// (<paramref name="file"/>, closed as 已转出) is reopened there.
    /// </summary>
    public TransferError? Complete(TransferActor actor, DateTime now, Member? file)
    {
        if (Refusal(TransferStatus.AcceptedByDestination, MayComplete(actor)) is { } refusal)
        {
            return refusal;
        }

        switch (Kind)
        {
            case TransferKind.Internal or TransferKind.Outbound:
                if (file is null || file.Id != MemberId || file.OrgUnitId != FromOrgUnitId)
                {
                    return new FileMoved();
                }

                if (FileRefusal(file.Status) is { } fileRefusal)
                {
                    return fileRefusal;
                }

                if (Kind == TransferKind.Internal)
                {
                    file.OrgUnitId = ToOrgUnitId!.Value;
                    file.SubDistrictId = SubDistrictId;
                }
                else
                {
                    file.Status = MemberStatus.TransferredOut;
                }

                break;
            case TransferKind.Inbound when file is null:
                Member = new Member
                {
                    Name = MemberName,
                    SubDistrictId = SubDistrictId,
                    OrgUnitId = ToOrgUnitId!.Value,
                    Gender = Gender,
                    Ethnicity = Ethnicity,
                    BirthDate = BirthDate,
                    Category = Category,
                    JoinedOn = JoinedOn,
                    FullMemberOn = FullMemberOn,
                    IdNumberCipher = IdNumberCipher,
                    IdNumberHash = IdNumberHash,
                    IdNumberTail = IdNumberTail,
                    Status = MemberStatus.Normal,
                };
                break;
            case TransferKind.Inbound:
                if (file.IdNumberHash != IdNumberHash || file.Status != MemberStatus.TransferredOut)
                {
                    return new FileAlreadyActive();
                }

                MemberId = file.Id;
                file.OrgUnitId = ToOrgUnitId!.Value;
                file.SubDistrictId = SubDistrictId;
                file.Status = MemberStatus.Normal;
                break;
        }

        Status = TransferStatus.Completed;
        CompletedAt = now;
        CompletedBy = actor.Name;
        return null;
    }

    /// <summary>退回: the owner of the step under way refuses it, saying why.</summary>
    public TransferError? Return(TransferActor actor, DateTime now, string? reason)
    {
        if (!IsPending)
        {
            return new StepNotOpen(Status);
        }

        if (!OwnsNextStep(actor))
        {
            return new NotYourStep(NextStepLabel);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ReturnReasonRequired();
        }

        ReturnedAtStep = Status;
        Status = TransferStatus.Returned;
        ReturnedAt = now;
        ReturnedBy = actor.Name;
        ReturnReason = reason.Trim();
        return null;
    }

    /// <summary>The area that acts for the origin: the sending area, or for an inbound transfer the receiving area holding the incoming letter.</summary>
    private int? OriginAreaId => Kind == TransferKind.Inbound ? ToAreaId : FromAreaId;

    /// <summary>The area that acts for the destination: the receiving area, or for an outbound transfer the sending area recording the receipt.</summary>
    private int? DestinationAreaId => Kind == TransferKind.Outbound ? FromAreaId : ToAreaId;

    public bool SpeaksForOrigin(TransferActor actor) => IsAdminHere(actor) || (OriginAreaId is { } area && actor.AreaId == area);

    public bool SpeaksForDestination(TransferActor actor) => IsAdminHere(actor) || (DestinationAreaId is { } area && actor.AreaId == area);

    /// <summary>
    /// The admin completes any transfer; the receiving area may complete one into its own units. An
    /// outbound transfer closes a file for good, so only the sub-district completes it: the sending
    /// area never closes or moves a file by itself.
    /// </summary>
    public bool MayComplete(TransferActor actor) =>
        IsAdminHere(actor) || (Kind != TransferKind.Outbound && ToAreaId is { } area && actor.AreaId == area);

    public bool OwnsNextStep(TransferActor actor) => Status switch
    {
        TransferStatus.Applied => SpeaksForOrigin(actor),
        TransferStatus.ApprovedByOrigin => SpeaksForDestination(actor),
        TransferStatus.AcceptedByDestination => MayComplete(actor),
        TransferStatus.Completed or TransferStatus.Returned => false,
    };

    /// <summary>The step under way, in the words of this kind of transfer.</summary>
    public string NextStepLabel => StepLabel(Kind, Status);

    public static string StepLabel(TransferKind kind, TransferStatus status) => status switch
    {
        TransferStatus.Applied => kind == TransferKind.Inbound ? "核验转出方介绍信" : "转出方审核",
        TransferStatus.ApprovedByOrigin => kind == TransferKind.Outbound ? "登记回执（转入方已接收）" : "转入方接收",
        TransferStatus.AcceptedByDestination => "办结",
        TransferStatus.Completed => "已完成",
        TransferStatus.Returned => "已退回",
    };

    /// <summary>Who takes the step under way, in words for the page.</summary>
    public string NextStepOwnerLabel => Status switch
    {
        TransferStatus.Applied => Kind == TransferKind.Inbound ? "转入的居民区或街道" : "转出的居民区或街道",
        TransferStatus.ApprovedByOrigin => Kind == TransferKind.Outbound ? "转出的居民区或街道（收到对方回执后）" : "转入的居民区或街道",
        TransferStatus.AcceptedByDestination => Kind == TransferKind.Outbound ? "街道" : "街道或转入的居民区",
        TransferStatus.Completed or TransferStatus.Returned => "",
    };

    /// <summary>The number as the letter prints it, 第 15 号; a number typed whole (沪嘉转〔2021〕第15号) stays as typed.</summary>
    public string LetterNumberText => LetterNumber is null ? "" : LetterNumber.EndsWith('号') ? LetterNumber : $"第 {LetterNumber} 号";

    /// <summary>The date on the letter: the day the origin approved it.</summary>
    public DateOnly? LetterDate => ApprovedAt is { } at ? DateOnly.FromDateTime(ChinaTime.ToChina(at)) : null;

    private bool IsAdminHere(TransferActor actor) => actor.IsAdmin && actor.SubDistrictId == SubDistrictId;

    private TransferError? Refusal(TransferStatus expected, bool owner) =>
        Status != expected ? new StepNotOpen(Status)
        : !owner ? new NotYourStep(NextStepLabel)
        : null;

    private static TransferError? FileRefusal(MemberStatus? status) => status is not { } known
        ? new FileMoved()
        : known switch
        {
            MemberStatus.LostContact => new MemberLostContact(),
            MemberStatus.TransferredOut or MemberStatus.Deceased => new MemberNotActive(known),
            MemberStatus.Normal or MemberStatus.Mobile => null,
        };

    public static string Label(TransferKind kind) => kind switch
    {
        TransferKind.Internal => "街道内转接",
        TransferKind.Outbound => "转往街道外",
        TransferKind.Inbound => "从街道外转入",
    };

    public static string Label(TransferStatus status) => status switch
    {
        TransferStatus.Applied => "已申请",
        TransferStatus.ApprovedByOrigin => "转出方已审核",
        TransferStatus.AcceptedByDestination => "转入方已接收",
        TransferStatus.Completed => "已完成",
        TransferStatus.Returned => "已退回",
    };
}
