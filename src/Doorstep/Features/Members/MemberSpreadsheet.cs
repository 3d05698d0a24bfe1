using System.Globalization;
using System.Runtime.CompilerServices;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace Doorstep.Features.Members;

/// <summary>
/// One line of the member spreadsheet (党员名单), with the headers users see. Dates are real dates shown
/// as 2021年5月13日, so that Excel and WPS sort and filter them by date; every text cell went
/// through <see cref="SpreadsheetText.Safe"/>.
/// </summary>
public sealed class MemberSheetRow
{
    private const string ChineseDate = "yyyy\"年\"m\"月\"d\"日\"";

    [ExcelColumnName(MemberFields.Name), ExcelColumnWidth(10)] public string Name { get; init; } = "";
    [ExcelColumnName(MemberFields.Gender), ExcelColumnWidth(6)] public string Gender { get; init; } = "";
    [ExcelColumnName(MemberFields.Ethnicity), ExcelColumnWidth(8)] public string Ethnicity { get; init; } = "";
    [ExcelColumnName(MemberFields.BirthDate), ExcelColumnWidth(16), ExcelFormat(ChineseDate)] public DateTime BirthDate { get; init; }
    [ExcelColumnName(MemberFields.Age), ExcelColumnWidth(6)] public int Age { get; init; }
    [ExcelColumnName(MemberFields.IdNumber), ExcelColumnWidth(22)] public string IdNumber { get; init; } = "";
    [ExcelColumnName(MemberFields.Phone), ExcelColumnWidth(14)] public string? Phone { get; init; }
    [ExcelColumnName(MemberFields.Education), ExcelColumnWidth(10)] public string? Education { get; init; }
    [ExcelColumnName(MemberFields.Category), ExcelColumnWidth(10)] public string Category { get; init; } = "";
    [ExcelColumnName(MemberFields.JoinedOn), ExcelColumnWidth(16), ExcelFormat(ChineseDate)] public DateTime? JoinedOn { get; init; }
    [ExcelColumnName(MemberFields.FullMemberOn), ExcelColumnWidth(16), ExcelFormat(ChineseDate)] public DateTime? FullMemberOn { get; init; }
    [ExcelColumnName(MemberFields.PartyAge), ExcelColumnWidth(6)] public int? PartyAge { get; init; }
    [ExcelColumnName(MemberFields.OrgUnit), ExcelColumnWidth(24)] public string OrgUnit { get; init; } = "";
    [ExcelColumnName(MemberFields.RegisteredAddress), ExcelColumnWidth(36)] public string? RegisteredAddress { get; init; }
    [ExcelColumnName(MemberFields.RegisteredArea), ExcelColumnWidth(10)] public string? RegisteredArea { get; init; }
    [ExcelColumnName(MemberFields.ResidenceAddress), ExcelColumnWidth(36)] public string? ResidenceAddress { get; init; }
    [ExcelColumnName(MemberFields.ResidenceArea), ExcelColumnWidth(10)] public string? ResidenceArea { get; init; }
    [ExcelColumnName(MemberFields.LivesElsewhere), ExcelColumnWidth(9)] public string LivesElsewhere { get; init; } = "";
    [ExcelColumnName(MemberFields.CareNeeds), ExcelColumnWidth(24)] public string CareNeeds { get; init; } = "";
    [ExcelColumnName(MemberFields.Status), ExcelColumnWidth(8)] public string Status { get; init; } = "";
    [ExcelColumnName(MemberFields.Notes), ExcelColumnWidth(30)] public string? Notes { get; init; }
}

/// <summary>The member list as a spreadsheet: the list's filter and order, masked unless a full export was granted.</summary>
public static class MemberSpreadsheet
{
    public const string SheetName = "党员名单";

    /// <summary>
    /// Writes the sheet for the members the filter selects within the user's scope (the query filters
    /// apply), after recording the export in the audit: who, when, the filter, the row count and, for
    /// a full export, the reason. With <paramref name="revealReason"/> the ID numbers and phones are
    /// decrypted row by row; without it they stay masked and are never read.
    /// </summary>
    public static async Task<IActionResult> ExportAsync(
        DoorstepDb db, PersonalDataProtector protector, MemberFilter filter, DateOnly today, string? revealReason)
    {
        var full = revealReason is not null;
        var members = filter.Apply(db, today, protector);
        var count = await members.CountAsync();
        var stamp = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var fileName = full ? $"党员名单-完整-{stamp}.xlsx" : $"党员名单-{stamp}.xlsx";

        List<Data.AuditChange> record =
        [
            new(full ? "完整导出党员名单（含完整证件号与手机号）" : "导出党员名单（证件号与手机号已遮盖）", null, null),
            new("筛选条件", null, await filter.DescribeAsync(db)),
            new("人数", null, count.ToString(CultureInfo.InvariantCulture)),
        ];
        if (full)
        {
            record.Add(new("导出理由", null, revealReason));
        }

        db.RecordView("MemberList", fileName, record);
        await db.SaveChangesAsync();

        var rows = RowsAsync(filter.Order(members, db.CurrentUser.Scope), today, full ? protector : null);
        return new SpreadsheetFile<MemberSheetRow>(fileName, full ? $"members-full-{stamp}.xlsx" : $"members-{stamp}.xlsx", SheetName, rows);
    }

    /// <summary>Streams the rows; the query is read once, untracked, as the sheet is written.</summary>
    private static async IAsyncEnumerable<MemberSheetRow> RowsAsync(
        IQueryable<Member> members, DateOnly today, PersonalDataProtector? reveal, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var full = reveal is not null;
        var source = members.AsNoTracking().Select(m => new SheetSource(
            m.Name, m.Gender, m.Ethnicity, m.BirthDate, m.IdNumberTail, m.PhoneTail, m.PhoneAreaCode,
            full ? m.IdNumberCipher : null, full ? m.PhoneCipher : null,
            m.Education, m.Category, m.JoinedOn, m.FullMemberOn, m.OrgUnit.Name,
            m.RegisteredAddress, m.RegisteredAreaId, m.RegisteredArea != null ? m.RegisteredArea.Name : null,
            m.ResidenceAddress, m.ResidenceAreaId, m.ResidenceArea != null ? m.ResidenceArea.Name : null,
            m.CareNeeds, m.Status, m.Notes)).AsAsyncEnumerable();

        await foreach (var m in source.WithCancellation(cancellationToken))
        {
            yield return new MemberSheetRow
            {
                Name = SpreadsheetText.Safe(m.Name),
                Gender = Member.Label(m.Gender),
                Ethnicity = SpreadsheetText.Safe(m.Ethnicity),
                BirthDate = m.BirthDate.ToDateTime(TimeOnly.MinValue),
                Age = Member.AgeOn(m.BirthDate, today),
                IdNumber = m.IdNumberCipher is not null ? reveal!.Decrypt(m.IdNumberCipher) : Masked.IdNumber(m.IdNumberTail),
                Phone = m.PhoneCipher is not null ? reveal!.Decrypt(m.PhoneCipher) : Masked.Phone(m.PhoneTail, m.PhoneAreaCode),
                Education = SpreadsheetText.Safe(m.Education),
                Category = Member.Label(m.Category),
                JoinedOn = m.JoinedOn?.ToDateTime(TimeOnly.MinValue),
                FullMemberOn = m.FullMemberOn?.ToDateTime(TimeOnly.MinValue),
                PartyAge = Member.PartyAgeOn(m.FullMemberOn, today),
                OrgUnit = SpreadsheetText.Safe(m.OrgUnit),
                RegisteredAddress = SpreadsheetText.Safe(m.RegisteredAddress),
                RegisteredArea = SpreadsheetText.Safe(m.RegisteredArea),
                ResidenceAddress = SpreadsheetText.Safe(m.ResidenceAddress),
                ResidenceArea = SpreadsheetText.Safe(m.ResidenceArea),
                // The rule of Member.LivesElsewhereRule, also for a member living outside the sub-district.
                LivesElsewhere = m.RegisteredAreaId is not null && (m.ResidenceAreaId is not null ? m.ResidenceAreaId != m.RegisteredAreaId : m.ResidenceAddress is not null) ? "是" : "否",
                CareNeeds = string.Join("、", Member.Labels(m.CareNeeds)),
                Status = Member.Label(m.Status),
                Notes = SpreadsheetText.Safe(m.Notes),
            };
        }
    }

    /// <summary>What a row is made of; the ciphers are read only for a full export.</summary>
    private sealed record SheetSource(
        string Name, Gender Gender, string Ethnicity, DateOnly BirthDate, string IdNumberTail, string? PhoneTail, string? PhoneAreaCode,
        string? IdNumberCipher, string? PhoneCipher,
        string? Education, MemberCategory Category, DateOnly? JoinedOn, DateOnly? FullMemberOn, string OrgUnit,
        string? RegisteredAddress, int? RegisteredAreaId, string? RegisteredArea,
        string? ResidenceAddress, int? ResidenceAreaId, string? ResidenceArea,
        CareNeeds CareNeeds, MemberStatus Status, string? Notes);
}
