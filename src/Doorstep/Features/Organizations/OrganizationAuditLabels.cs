using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Organizations;

/// <summary>How the audit page shows party organisations, areas, departments and sub-districts: by name.</summary>
public static class OrganizationAuditLabels
{
    public static IServiceCollection AddOrganizationAuditLabels(this IServiceCollection services) => services
        .AddAuditSubject<OrgUnitAudit>()
        .AddAuditSubject<ResidentialAreaAudit>()
        .AddAuditSubject<DepartmentAudit>()
        .AddAuditSubject<SubDistrictAudit>();

    private sealed class OrgUnitAudit(DoorstepDb db) : AuditSubject
    {
        public override string EntityType => nameof(OrgUnit);
        public override string Label => "党组织";
        public override int Order => 20;

        public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
        {
            [nameof(OrgUnit.SubDistrictId)] = "街道",
            [nameof(OrgUnit.ParentId)] = "上级党组织",
            [nameof(OrgUnit.Kind)] = "类别",
            [nameof(OrgUnit.Name)] = "名称",
            [nameof(OrgUnit.ResidentialAreaId)] = "居民区",
            [nameof(OrgUnit.Place)] = "地点",
            [nameof(OrgUnit.SecretaryMemberId)] = "书记",
        };

        public override string? ReferenceOf(string field) => field switch
        {
            nameof(OrgUnit.SubDistrictId) => nameof(SubDistrict),
            nameof(OrgUnit.ParentId) => nameof(OrgUnit),
            nameof(OrgUnit.ResidentialAreaId) => nameof(ResidentialArea),
            nameof(OrgUnit.SecretaryMemberId) => "Member",
            _ => null,
        };

        public override string? Show(string field, string value) =>
            field == nameof(OrgUnit.Kind) && Enum.TryParse<OrgUnitKind>(value, out var kind) ? OrgUnit.KindLabel(kind) : null;

        public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
        {
            var numbers = NumericIds(ids);
            return await db.OrgUnits.AsNoTracking().Where(u => numbers.Contains(u.Id)).ToDictionaryAsync(u => Key(u.Id), u => u.Name);
        }
    }

    private sealed class ResidentialAreaAudit(DoorstepDb db) : AuditSubject
    {
        public override string EntityType => nameof(ResidentialArea);
        public override string Label => "居民区";
        public override int Order => 21;

        public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
        {
            [nameof(ResidentialArea.SubDistrictId)] = "街道",
            [nameof(ResidentialArea.Name)] = "名称",
        };

        public override string? ReferenceOf(string field) => field == nameof(ResidentialArea.SubDistrictId) ? nameof(SubDistrict) : null;

        public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
        {
            var numbers = NumericIds(ids);
            return await db.ResidentialAreas.AsNoTracking().Where(a => numbers.Contains(a.Id)).ToDictionaryAsync(a => Key(a.Id), a => a.Name + "居民区");
        }
    }

    private sealed class DepartmentAudit(DoorstepDb db) : AuditSubject
    {
        public override string EntityType => nameof(Department);
        public override string Label => "部门";
        public override int Order => 22;

        public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
        {
            [nameof(Department.SubDistrictId)] = "街道",
            [nameof(Department.Name)] = "名称",
        };

        public override string? ReferenceOf(string field) => field == nameof(Department.SubDistrictId) ? nameof(SubDistrict) : null;

        public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
        {
            var numbers = NumericIds(ids);
            return await db.Departments.AsNoTracking().Where(d => numbers.Contains(d.Id)).ToDictionaryAsync(d => Key(d.Id), d => d.Name);
        }
    }

    private sealed class SubDistrictAudit(DoorstepDb db) : AuditSubject
    {
        public override string EntityType => nameof(SubDistrict);
        public override string Label => "街道";
        public override int Order => 23;

        public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
        {
            [nameof(SubDistrict.Name)] = "名称",
            [nameof(SubDistrict.District)] = "区",
            [nameof(SubDistrict.City)] = "市",
        };

        public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
        {
            var numbers = NumericIds(ids);
            return await db.SubDistricts.AsNoTracking().Where(s => numbers.Contains(s.Id)).ToDictionaryAsync(s => Key(s.Id), s => s.Name);
        }
    }
}
