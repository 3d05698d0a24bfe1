using Doorstep.Data;
using Doorstep.Features.Members.Import;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>How the audit page shows member files, list exports and imports: the labels the file page uses.</summary>
public static class MemberAuditLabels
{
    public static IServiceCollection AddMemberAuditLabels(this IServiceCollection services) => services
        .AddAuditSubject<MemberFileAudit>()
        .AddAuditSubject<MemberListAudit>()
        .AddAuditSubject<MemberImportAudit>();

    /// <summary>A member file, named by the member; names are read through the viewer's scope.</summary>
    private sealed class MemberFileAudit(DoorstepDb db) : AuditSubject
    {
        public override string EntityType => nameof(Member);
        public override string Label => "党员档案";
        public override int Order => 10;

        /// <summary>
        /// The catalogue's fields under their labels, the copies kept beside a ciphertext hidden, and the
        /// columns kept for queries and bookkeeping hidden too.
        /// </summary>
        public override IReadOnlyDictionary<string, string?> Fields { get; } =
            MemberFields.All.SelectMany(f => f.Stored.Select(column => (column, Label: column == f.Property ? f.Label : null)))
                .Concat([
                    (nameof(Member.SubDistrictId), "街道"),
                    (nameof(Member.OrgUnitAreaId), null),
                    (nameof(Member.NameInitials), null),
                    (nameof(Member.NamePinyin), null),
                    (nameof(Member.PhoneAreaCode), null),
                    (nameof(Member.PendingImportId), null),
                ])
                .ToDictionary(x => x.Item1, x => x.Item2);

        public override string? ReferenceOf(string field) => field switch
        {
            nameof(Member.SubDistrictId) => "SubDistrict",
            nameof(Member.OrgUnitId) => "OrgUnit",
            nameof(Member.RegisteredAreaId) or nameof(Member.ResidenceAreaId) => "ResidentialArea",
            _ => null,
        };

        public override string? Show(string field, string value) => field switch
        {
            nameof(Member.Gender) when Enum.TryParse<Gender>(value, out var gender) => Member.Label(gender),
            nameof(Member.Category) when Enum.TryParse<MemberCategory>(value, out var category) => Member.Label(category),
            nameof(Member.Status) when Enum.TryParse<MemberStatus>(value, out var status) => Member.Label(status),
            nameof(Member.CareNeeds) when Enum.TryParse<CareNeeds>(value, out var needs) =>
                needs == CareNeeds.None ? "无" : string.Join("、", Member.Labels(needs)),
            _ => null,
        };

        public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
        {
            var numbers = NumericIds(ids);
            return await db.Members.AsNoTracking().Where(m => numbers.Contains(m.Id))
                .ToDictionaryAsync(m => Key(m.Id), m => m.Name);
        }
    }

    /// <summary>An export of the member list: the entry's id is the file name, its fields already say what was seen.</summary>
    private sealed class MemberListAudit : AuditSubject
    {
        public override string EntityType => "MemberList";
        public override string Label => "党员名单导出";
        public override int Order => 11;
    }

    private sealed class MemberImportAudit(DoorstepDb db) : AuditSubject
    {
        public override string EntityType => nameof(MemberImport);
        public override string Label => "批量导入";
        public override int Order => 12;

        public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
        {
            [nameof(MemberImport.UserId)] = null,
            [nameof(MemberImport.UserName)] = "上传人",
            [nameof(MemberImport.FileName)] = "文件名",
            [nameof(MemberImport.Format)] = null,
            [nameof(MemberImport.TextEncoding)] = null,
            [nameof(MemberImport.Status)] = "状态",
            [nameof(MemberImport.RowCount)] = "行数",
            [nameof(MemberImport.NewCount)] = "新建",
            [nameof(MemberImport.UpdateCount)] = "更新",
            [nameof(MemberImport.ErrorCount)] = "问题",
            [nameof(MemberImport.Report)] = null,
            [nameof(MemberImport.Message)] = "说明",
            [nameof(MemberImport.CreatedAt)] = "上传时间",
            [nameof(MemberImport.StartedAt)] = null,
            [nameof(MemberImport.FinishedAt)] = "完成时间",
            [nameof(MemberImport.JobId)] = null,
        };

        public override string? Show(string field, string value) =>
            field == nameof(MemberImport.Status) && Enum.TryParse<MemberImportStatus>(value, out var status) ? MemberImport.Label(status) : null;

        public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
        {
            var numbers = NumericIds(ids);
            return await db.MemberImports.AsNoTracking().Where(i => numbers.Contains(i.Id))
                .ToDictionaryAsync(i => Key(i.Id), i => i.FileName);
        }
    }
}
