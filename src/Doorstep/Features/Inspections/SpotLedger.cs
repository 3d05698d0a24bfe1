using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace Doorstep.Features.Inspections;

/// <summary>One line of the 台账: a spot from registration to closing, as the ledger prints and the .xlsx exports it.</summary>
public sealed class LedgerRow
{
    [ExcelColumnName("编号"), ExcelColumnWidth(8)] public int Id { get; init; }
    [ExcelColumnName("登记时间"), ExcelColumnWidth(18)] public string ReportedAt { get; init; } = "";
    [ExcelColumnName("居民区"), ExcelColumnWidth(10)] public string Area { get; init; } = "";
    [ExcelColumnName("问题类别"), ExcelColumnWidth(12)] public string Category { get; init; } = "";
    [ExcelColumnName("地址或地标"), ExcelColumnWidth(28)] public string Address { get; init; } = "";
    [ExcelColumnName("问题描述"), ExcelColumnWidth(36)] public string Description { get; init; } = "";
    [ExcelColumnName("责任部门"), ExcelColumnWidth(12)] public string Department { get; init; } = "";
    [ExcelColumnName("责任人"), ExcelColumnWidth(10)] public string Person { get; init; } = "";
    [ExcelColumnName("整改时限"), ExcelColumnWidth(18)] public string DueAt { get; init; } = "";
    [ExcelColumnName("状态"), ExcelColumnWidth(10)] public string Status { get; init; } = "";
    [ExcelColumnName("是否超期"), ExcelColumnWidth(8)] public string Overdue { get; init; } = "";
    [ExcelColumnName("整改完成时间"), ExcelColumnWidth(18)] public string FixedAt { get; init; } = "";
    [ExcelColumnName("整改说明"), ExcelColumnWidth(30)] public string FixNote { get; init; } = "";
    [ExcelColumnName("验收人"), ExcelColumnWidth(12)] public string VerifiedBy { get; init; } = "";
}

/// <summary>台账: the spots registered in a period, oldest first, within the user's scope; streamed for the .xlsx.</summary>
public sealed class SpotLedger(DoorstepDb db)
{
    public async IAsyncEnumerable<LedgerRow> RowsAsync(DateTime from, DateTime to, DateTime now)
    {
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        var areas = await db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == subDistrictId).ToDictionaryAsync(a => a.Id, a => a.Name);
        var categories = await db.Set<InspectionCategory>().AsNoTracking().Where(c => c.SubDistrictId == subDistrictId).ToDictionaryAsync(c => c.Id, c => c.Name);
        var departments = await db.Departments.AsNoTracking().Where(d => d.SubDistrictId == subDistrictId).ToDictionaryAsync(d => d.Id, d => d.Name);
        var spots = db.InScope<ProblemSpot>().AsNoTracking().Where(s => s.ReportedAt >= from && s.ReportedAt < to).OrderBy(s => s.ReportedAt).ThenBy(s => s.Id).AsAsyncEnumerable();
        await foreach (var s in spots)
        {
            yield return new LedgerRow
            {
                Id = s.Id,
                ReportedAt = ChinaTime.DateAndTime(s.ReportedAt),
                Area = areas.GetValueOrDefault(s.AreaId, ""),
                Category = SpreadsheetText.Safe(categories.GetValueOrDefault(s.CategoryId, "")) ?? "",
                Address = SpreadsheetText.Safe(s.Address) ?? "",
                Description = SpreadsheetText.Safe(s.Description) ?? "",
                Department = s.DepartmentId is { } d ? departments.GetValueOrDefault(d, "") : "未派单",
                Person = SpreadsheetText.Safe(s.ResponsiblePerson) ?? "",
                DueAt = s.DueAt is { } due ? ChinaTime.DateAndTime(due) : "",
                Status = ProblemSpot.Label(s.Status),
                Overdue = s.IsOverdue(now) || (s.FixedAt is { } f && s.DueAt is { } dd && f > dd) ? "超期" : "",
                FixedAt = s.FixedAt is { } at ? ChinaTime.DateAndTime(at) : "",
                FixNote = SpreadsheetText.Safe(s.FixNote) ?? "",
                VerifiedBy = SpreadsheetText.Safe(s.VerifiedBy) ?? "",
            };
        }
    }
}
