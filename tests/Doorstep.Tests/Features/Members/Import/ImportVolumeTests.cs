using Doorstep.Features.Members;
using Doorstep.Features.Members.Import;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Members.Import;

/// <summary>A database of its own: thousands of imported files would slow every other test's queries.</summary>
[CollectionDefinition(Name)]
public sealed class VolumeApp : ICollectionFixture<DoorstepApp>
{
    public const string Name = "import-volume";
}

[Collection(VolumeApp.Name)]
public class ImportVolumeTests(DoorstepApp app)
{
    [Fact]
    public async Task Ten_thousand_rows_with_updates_among_them_are_checked_and_imported_in_one_go()
    {
        var (created, updated) = await ImportAsync(10_000, updates: 500, areaCode: "310110");

        Assert.Equal((9_500, 500), (created, updated));
    }

    /// <summary>New members get ID numbers with an area code the demo never uses, one per test, so that runs do not collide.</summary>
    private async Task<(int Created, int Updated)> ImportAsync(int rows, int updates, string areaCode)
    {
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        var held = await app.WithDbAsync(db => db.Members.OrderBy(m => m.Id).Take(updates).Select(m => m.IdNumberCipher).ToListAsync());
        var units = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Kind == Doorstep.Features.Organizations.OrgUnitKind.Branch).Select(u => u.Name).ToListAsync());
        var areas = Doorstep.Data.Demo.DemoData.AreaNames;
        var before = await app.WithDbAsync(db => db.Members.CountAsync());
        var auditedBefore = await app.WithDbAsync(CreatedMembersAudited);
        var random = new Random(rows);

        var sheet = new List<Dictionary<string, object>>(rows);
        for (var i = 0; i < rows; i++)
        {
            string idNumber;
            if (i < held.Count)
            {
                idNumber = protector.Decrypt(held[i]);
            }
            else
            {
                var birth = new DateOnly(1930, 1, 1).AddDays(i / 1000 * 7);
                var first17 = $"{areaCode}{birth:yyyyMMdd}{i % 1000:D3}";
                idNumber = first17 + IdNumber.CheckCharacter(first17);
            }

            // A held file's row changes its address and phone only: blank cells keep what is on file.
            var isNew = i >= held.Count;
            var born = IdNumber.BirthDate(idNumber)!.Value;
            var area = areas[random.Next(areas.Count)];
            sheet.Add(new()
            {
                ["序号"] = i + 1,
                ["姓名"] = isNew ? $"导入{i}号" : "",
                ["身份证号"] = idNumber,
                ["出生日期"] = isNew ? born.ToString("yyyy.M.d") : "",
                ["手机号"] = $"139{i:D8}",
                ["入党时间"] = isNew ? $"{born.Year + 20}.{random.Next(2, 10)}" : "",
                ["转正时间"] = isNew ? $"{born.Year + 21}年{random.Next(1, 13)}月" : "",
                ["所在党组织"] = isNew ? units[random.Next(units.Count)] : "",
                ["户籍居民区"] = isNew ? area : "",
                ["居住地址"] = $"虹口区{area}路{random.Next(1, 999)}号",
                ["关怀需求"] = isNew && random.Next(3) == 0 ? "视力减弱、独居" : "",
            });
        }

        using var file = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(file, sheet);
        sheet.Clear();
        var admin = await app.SignedInAsync("admin");

        var preview = await admin.UploadRosterAsync("大名册.xlsx", file.ToArray());
        var page = await admin.GetPageAsync(preview);
        Assert.True(page.QuerySelector(".error-summary") is null, page.QuerySelector(".problems")?.TextContent[..Math.Min(2000, page.QuerySelector(".problems")!.TextContent.Length)]);
        await admin.ConfirmImportAsync(preview);

        var report = ImportReport.Read(await app.WithDbAsync(db => db.MemberImports.Where(i => preview.EndsWith("/" + i.Id)).Select(i => i.Report).SingleAsync()));
        Assert.Equal(before + report.NewCount, await app.WithDbAsync(db => db.Members.CountAsync()));
        // Written a chunk at a time in bulk, each new file still has its own audit row.
        Assert.Equal(auditedBefore + report.NewCount, await app.WithDbAsync(CreatedMembersAudited));
        return (report.NewCount, report.UpdateCount);
    }

    private static Task<int> CreatedMembersAudited(Doorstep.Data.DoorstepDb db) =>
        db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.Action == Doorstep.Data.AuditAction.Created);
}
