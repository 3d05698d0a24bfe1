using System.Net;
using Doorstep.Features.Inspections;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Inspections;

/// <summary>问题类别 are the sub-district's to keep: added, renamed, retired and restored, audited; one in use is never deleted.</summary>
[Collection(SharedApp.Name)]
public class CategoryTests(DoorstepApp app)
{
    [Fact]
    public async Task The_sub_district_adds_renames_and_retires_a_category_audited_and_cannot_delete_one_in_use()
    {
        var admin = await app.SignedInAsync("admin");
        var cadre = await app.SignedInAsync("zhangqiao");
        Assert.Contains("AccessDenied", (await cadre.GetAsync("/Inspections/Categories")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        var added = await admin.PostFormAsync("/Inspections/Categories", [new("Input.Name", " 占道经营 "), new("Input.DefaultDeadlineHours", "12")], "/Inspections/Categories?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var category = await app.WithDbAsync(db => db.Set<InspectionCategory>().AsNoTracking().SingleAsync(c => c.Name == "占道经营"));
        Assert.Equal((12, false), (category.DefaultDeadlineHours, category.Retired));

        // A name already taken (a retired one counts) is refused at the row's own field.
        var twice = await admin.PostFormAsync("/Inspections/Categories", [new("Input.Name", "卫生死角"), new("Input.DefaultDeadlineHours", "24")], $"/Inspections/Categories?handler=Save&id={category.Id}");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        var refusedPage = await twice.ReadHtmlAsync();
        Assert.Contains("已有名为“卫生死角”的类别", refusedPage.QuerySelector($"#category-{category.Id} .field-error")!.TextContent, StringComparison.Ordinal);
        var badHours = await admin.PostFormAsync("/Inspections/Categories", [new("Input.Name", "乱晾晒"), new("Input.DefaultDeadlineHours", "0")], "/Inspections/Categories?handler=Add");
        Assert.Equal(HttpStatusCode.OK, badHours.StatusCode);
        Assert.Contains("默认整改时限应在 1 到 2160 小时", (await badHours.ReadHtmlAsync()).QuerySelector("form[action*='handler=Add'] .field-error")!.TextContent, StringComparison.Ordinal);

        await admin.PostFormAsync("/Inspections/Categories", [new("Input.Name", "占道经营摊点"), new("Input.DefaultDeadlineHours", "24")], $"/Inspections/Categories?handler=Save&id={category.Id}");
        var renamed = await app.WithDbAsync(db => db.Set<InspectionCategory>().AsNoTracking().SingleAsync(c => c.Id == category.Id));
        Assert.Equal(("占道经营摊点", 24), (renamed.Name, renamed.DefaultDeadlineHours));

        // Retired: no longer offered on the report form; restored: offered again.
        await admin.PostFormAsync("/Inspections/Categories", [], $"/Inspections/Categories?handler=Retire&id={category.Id}&retired=true");
        Assert.Null((await admin.GetPageAsync("/Inspections/Report")).QuerySelector($"#category-{category.Id}"));
        await admin.PostFormAsync("/Inspections/Categories", [], $"/Inspections/Categories?handler=Retire&id={category.Id}&retired=false");
        Assert.NotNull((await admin.GetPageAsync("/Inspections/Report")).QuerySelector($"#category-{category.Id}"));

        // One in use stays, whatever is posted; an unused one may go.
        var inUse = await app.CategoryAsync("卫生死角");
        var refused = await admin.PostFormAsync("/Inspections/Categories", [], $"/Inspections/Categories?handler=Delete&id={inUse}");
        Assert.Contains("不能删除，只能停用", (await refused.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Set<InspectionCategory>().AnyAsync(c => c.Id == inUse)));
        var deleted = await admin.PostFormAsync("/Inspections/Categories", [], $"/Inspections/Categories?handler=Delete&id={category.Id}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<InspectionCategory>().AnyAsync(c => c.Id == category.Id)));

        var entityId = category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(InspectionCategory) && a.EntityId == entityId)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([Doorstep.Data.AuditAction.Created, Doorstep.Data.AuditAction.Updated, Doorstep.Data.AuditAction.Updated, Doorstep.Data.AuditAction.Updated, Doorstep.Data.AuditAction.Deleted], audited);
    }
}
