using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Transfers;

/// <summary>How the audit page shows a transfer: named by its member, each step's time in China time, states in words.</summary>
public sealed class TransferAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(Transfer);
    public override string Label => "组织关系接转";
    public override int Order => 30;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(Transfer.SubDistrictId)] = "街道",
        [nameof(Transfer.Kind)] = "类型",
        [nameof(Transfer.Status)] = "状态",
        [nameof(Transfer.MemberId)] = "档案",
        [nameof(Transfer.MemberName)] = "姓名",
        [nameof(Transfer.Gender)] = "性别",
        [nameof(Transfer.Ethnicity)] = "民族",
        [nameof(Transfer.BirthDate)] = "出生日期",
        [nameof(Transfer.Category)] = "党员类别",
        [nameof(Transfer.JoinedOn)] = "入党日期",
        [nameof(Transfer.FullMemberOn)] = "转正日期",
        [nameof(Transfer.IdNumberCipher)] = "公民身份号码",
        [nameof(Transfer.IdNumberHash)] = null,
        [nameof(Transfer.IdNumberTail)] = null,
        [nameof(Transfer.FromOrgUnitId)] = "转出党组织",
        [nameof(Transfer.FromAreaId)] = null,
        [nameof(Transfer.ToOrgUnitId)] = "转入党组织",
        [nameof(Transfer.ToAreaId)] = null,
        [nameof(Transfer.OtherParty)] = "对方党组织",
        [nameof(Transfer.LetterNumber)] = "介绍信编号",
        [nameof(Transfer.Contact)] = "对方联系人",
        [nameof(Transfer.Reason)] = "转接原因",
        [nameof(Transfer.AppliedAt)] = "申请时间",
        [nameof(Transfer.AppliedBy)] = "申请人",
        [nameof(Transfer.ApprovedAt)] = "转出方审核时间",
        [nameof(Transfer.ApprovedBy)] = "转出方审核人",
        [nameof(Transfer.AcceptedAt)] = "转入方接收时间",
        [nameof(Transfer.AcceptedBy)] = "转入方接收人",
        [nameof(Transfer.CompletedAt)] = "办结时间",
        [nameof(Transfer.CompletedBy)] = "办结人",
        [nameof(Transfer.ReturnedAt)] = "退回时间",
        [nameof(Transfer.ReturnedBy)] = "退回人",
        [nameof(Transfer.ReturnedAtStep)] = "退回于",
        [nameof(Transfer.ReturnReason)] = "退回原因",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(Transfer.SubDistrictId) => "SubDistrict",
        nameof(Transfer.MemberId) => nameof(Member),
        nameof(Transfer.FromOrgUnitId) or nameof(Transfer.ToOrgUnitId) => "OrgUnit",
        _ => null,
    };

    public override string? Show(string field, string value) => field switch
    {
        nameof(Transfer.Kind) when Enum.TryParse<TransferKind>(value, out var kind) => Transfer.Label(kind),
        nameof(Transfer.Status) or nameof(Transfer.ReturnedAtStep) when Enum.TryParse<TransferStatus>(value, out var status) => Transfer.Label(status),
        nameof(Transfer.Gender) when Enum.TryParse<Gender>(value, out var gender) => Member.Label(gender),
        nameof(Transfer.Category) when Enum.TryParse<MemberCategory>(value, out var category) => Member.Label(category),
        _ => null,
    };

    /// <summary>A transfer is named by the person it moves; the transfer's own filter keeps it within the viewer's scope.</summary>
    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.Transfers.AsNoTracking().Where(t => numbers.Contains(t.Id)).ToDictionaryAsync(t => Key(t.Id), t => t.MemberName);
    }
}
