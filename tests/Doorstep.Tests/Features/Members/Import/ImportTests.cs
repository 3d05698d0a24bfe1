using System.Net;
using System.Text;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Members.Import;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Members.Import;

/// <summary>Upload → preview row by row → import all or nothing, through the HTTP pipeline and the background worker.</summary>
[Collection(SharedApp.Name)]
public class ImportTests(DoorstepApp app)
{
    private PersonalDataProtector Protector => app.Services.GetRequiredService<PersonalDataProtector>();

    private Task<string> IdNumberOfAsync(int memberId) =>
        app.WithDbAsync(async db => Protector.Decrypt(await db.Members.Where(m => m.Id == memberId).Select(m => m.IdNumberCipher).SingleAsync()));

    private static string IdEndingInX(DateOnly birth, bool male)
    {
        while (true)
        {
            var id = IdNumbers.New(birth, male);
            if (id[17] == 'X')
            {
                return id;
            }
        }
    }

    private static string FullWidth(string text) =>
        new(text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray());

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>瑞鑫's cadre files a person under a 瑞鑫 branch, through the page: outside a 张桥 cadre's scope.</summary>
    private async Task RuixinFilesAsync(string name, string idNumber, string fullMemberOn)
    {
        var ruixin = await app.SignedInAsync("ruixin");
        var create = await ruixin.GetPageAsync("/Members/Create");
        var branch = create.QuerySelectorAll("#Input_OrgUnitId option").Skip(1).First().GetAttribute("value")!;
        var birth = IdNumber.BirthDate(idNumber)!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await ruixin.PostFormAsync("/Members/Create", Forms.FieldsOf(create).With("Input.Name", name).With("Input.IdNumber", idNumber)
            .With("Input.BirthDate", birth).With("Input.OrgUnitId", branch).With("Input.FullMemberOn", fullMemberOn));
        Assert.True(await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().AnyAsync(m => m.Name == name)));
    }

    [Fact]
    public async Task A_messy_GBK_roster_with_a_title_row_and_shuffled_columns_is_read_as_a_careful_clerk_would()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var wang = IdEndingInX(new DateOnly(1941, 3, 15), male: false);
        var li = IdNumbers.New(new DateOnly(1946, 7, 20));
        var zhou = IdNumbers.New(new DateOnly(1938, 5, 6), male: false);
        var roster = string.Join("\r\n",
            "张桥居民区党员名册（2026年11月）,,,,,,,,,,,",
            ",,,,,,,,,,,",
            "序号, 身份证号码 ,姓　名,出生年月,入党时间,转正时间,所在支部,户籍居民区,居住所在居民区,手机,关怀需求,性别",
            $"1,{FullWidth(wang[..17])}ｘ,王　芳,1941年3月15日,1965.3,1966年3月,张桥第一党支部,张桥,张桥居民区,138 0013 8000,视力减弱、独居,女",
            $"2,{li.ToLowerInvariant()},李建国 ,19460720,1970/7/1,1971-07-01,张桥居民区第二党支部,张桥居委会,瑞鑫,,,",
            $"3,{zhou},周秀英,,1960.10,1961.12,张桥居民区党总支,,,＋86 13900139000,行动不便,") + "\r\n";
        var cadre = await app.SignedInAsync("zhangqiao");

        var preview = await cadre.UploadRosterAsync("张桥名册.csv", Encoding.GetEncoding("GB18030").GetBytes(roster));
        var page = await cadre.GetPageAsync(preview);

        Assert.Null(page.QuerySelector(".error-summary"));
        Assert.Contains("将新建 3 份档案", page.QuerySelector(".success")!.TextContent);
        Assert.Contains("序号", page.QuerySelector("main")!.TextContent);
        var rows = page.QuerySelectorAll(".news tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["第4行", "王芳", Masked.IdNumber(wang[^4..]), "张桥居民区第一党支部"], rows[0]);
        Assert.Equal(["第5行", "李建国", Masked.IdNumber(li[^4..]), "张桥居民区第二党支部"], rows[1]);
        Assert.Equal(["第6行", "周秀英", Masked.IdNumber(zhou[^4..]), "张桥居民区党总支"], rows[2]);

        await cadre.ConfirmImportAsync(preview);

        var wangFile = await app.WithDbAsync(db => db.Members.Include(m => m.RegisteredArea).Include(m => m.ResidenceArea)
            .SingleAsync(m => m.IdNumberHash == Protector.Hash(wang)));
        Assert.Equal(("王芳", Gender.Female, new DateOnly(1941, 3, 15)), (wangFile.Name, wangFile.Gender, wangFile.BirthDate));
        Assert.Equal((new DateOnly(1965, 3, 1), new DateOnly(1966, 3, 1)), (wangFile.JoinedOn, wangFile.FullMemberOn));
        Assert.Equal(("张桥", "张桥"), (wangFile.RegisteredArea!.Name, wangFile.ResidenceArea!.Name));
        Assert.Equal(CareNeeds.LowVision | CareNeeds.LivesAlone, wangFile.CareNeeds);
        Assert.Equal(Protector.Hash("13800138000"), wangFile.PhoneHash);
        var liFile = await app.WithDbAsync(db => db.Members.Include(m => m.ResidenceArea).SingleAsync(m => m.IdNumberHash == Protector.Hash(li)));
        Assert.Equal(("李建国", Gender.Male, new DateOnly(1946, 7, 20), "瑞鑫"), (liFile.Name, liFile.Gender, liFile.BirthDate, liFile.ResidenceArea!.Name));
        var zhouFile = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.IdNumberHash == Protector.Hash(zhou)));
        Assert.Equal((new DateOnly(1938, 5, 6), Gender.Female, new DateOnly(1960, 10, 1), new DateOnly(1961, 12, 1)),
            (zhouFile.BirthDate, zhouFile.Gender, zhouFile.JoinedOn, zhouFile.FullMemberOn));
        Assert.Equal(Protector.Hash("13900139000"), zhouFile.PhoneHash);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_shows_row_column_problem_and_fix_and_cannot_be_imported()
    {
        var good1 = IdNumbers.New(new DateOnly(1950, 1, 2));
        var bad = IdNumbers.New(new DateOnly(1951, 2, 3));
        var wrongCheck = bad[..17] + (bad[17] == '0' ? '1' : '0');
        var good2 = IdNumbers.New(new DateOnly(1952, 3, 4));
        // Merged title rows above the header, a date cell, 1970.7 typed as a number, an Excel serial number.
        var sheet = Xlsx.Sheet(
        [
            ["张桥居民区党员花名册"],
            null,
            ["姓名", "公民身份号码", "出生日期", "入党日期", "转正日期", "党组织"],
            ["坏行前", good1, new DateTime(1950, 1, 2), 1970.7, 26115.0, "张桥第一党支部"],
            ["坏行", wrongCheck, new DateTime(1951, 2, 3), 1971.7, 26480.0, "张桥第一党支部"],
            ["坏行后", good2, new DateTime(1952, 3, 4), 1972.7, 26846.0, "张桥第一党支部"],
        ], mergedTitle: "A1:F2");
        var cadre = await app.SignedInAsync("zhangqiao");

        var preview = await cadre.UploadRosterAsync("名册.xlsx", sheet);
        var page = await cadre.GetPageAsync(preview);

        Assert.Contains("发现 1 处问题，本次没有导入任何数据", page.QuerySelector(".error-summary")!.TextContent);
        var problem = page.QuerySelectorAll(".problems tbody tr").Single().Children.Select(c => c.TextContent).ToList();
        Assert.Equal(["第5行", "公民身份号码（B列）", "身份证号校验位不正确，请核对是否有数字输错", "核对18位公民身份号码，最后一位可以是数字或X"], problem);
        Assert.Null(page.QuerySelector("main form[method=post]"));

        // Posting the confirmation anyway (a stale page, a crafted request) writes nothing.
        var forced = await cadre.PostFormAsync("/Members/Import", [], formAction: preview);

        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        await cadre.WaitForImportAsync(preview);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name.StartsWith("坏行"))));
    }

    [Fact]
    public async Task The_import_checks_again_and_writes_nothing_if_a_row_has_gone_wrong_since_the_preview()
    {
        var first = IdNumbers.New(new DateOnly(1953, 4, 5));
        var taken = IdNumbers.New(new DateOnly(1954, 5, 6));
        var cadre = await app.SignedInAsync("zhangqiao");
        var preview = await cadre.UploadRosterAsync("名册.csv", Csv(
            "姓名,身份证号,转正日期,所在党组织",
            $"全有甲,{first},1980.5,张桥第一党支部",
            $"全有乙,{taken},1980.6,张桥第一党支部"));
        Assert.NotNull((await cadre.GetPageAsync(preview)).QuerySelector("main form[method=post]"));

        // Meanwhile 瑞鑫 files the second person.
        await RuixinFilesAsync("全有乙", taken, "1980-06-01");

        await cadre.ConfirmImportAsync(preview);

        var page = await cadre.GetPageAsync(preview);
        Assert.Contains("本次没有导入任何数据", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("第3行", page.QuerySelector(".problems")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "全有甲")));
    }

    [Fact]
    public async Task A_row_gone_wrong_after_thousands_were_written_leaves_none_of_them_behind()
    {
        // More rows than one transaction of chunks writes, so the bad last row comes after a commit.
        var rows = (MemberImporter.ChunkSize * MemberImporter.ChunksPerTransaction) + 500;
        var ids = Enumerable.Range(0, rows).Select(i =>
        {
            var first17 = $"310111{new DateOnly(1940, 1, 1).AddDays(i / 1000 * 7):yyyyMMdd}{i % 1000:D3}";
            return first17 + IdNumber.CheckCharacter(first17);
        }).ToList();
        var cadre = await app.SignedInAsync("zhangqiao");
        var preview = await cadre.UploadRosterAsync("大名册.csv", Csv(
            ["姓名,身份证号,转正日期,所在党组织", .. ids.Select((id, i) => $"回滚{i}号,{id},1965.5,张桥第一党支部")]));
        Assert.NotNull((await cadre.GetPageAsync(preview)).QuerySelector("main form[method=post]"));

        // Meanwhile 瑞鑫 files the person on the last row.
        await RuixinFilesAsync("回滚末号", ids[^1], "1965-05-01");

        await cadre.ConfirmImportAsync(preview);

        var page = await cadre.GetPageAsync(preview);
        Assert.Contains("本次没有导入任何数据", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Contains($"第{rows + 1}行", page.QuerySelector(".problems")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().AnyAsync(m => m.Name.StartsWith("回滚") && m.Name != "回滚末号")));
    }

    [Fact]
    public async Task A_good_file_creates_new_files_and_updates_a_held_one_showing_old_and_new_and_audits_each()
    {
        var existing = await app.FirstOfAreaAsync("张桥", skip: 12);
        var (name, address) = await app.WithDbAsync(db => db.Members.Where(m => m.Id == existing).Select(m => new { m.Name, m.ResidenceAddress }).SingleAsync()) is var x ? (x.Name, x.ResidenceAddress) : default;
        var existingId = await IdNumberOfAsync(existing);
        var newcomer = IdNumbers.New(new DateOnly(1949, 10, 1));
        var cadre = await app.SignedInAsync("zhangqiao");

        var preview = await cadre.UploadRosterAsync("更新.csv", Csv(
            "姓名,身份证号,居住地址,手机号,转正日期,所在党组织,学历",
            $"{name},{existingId},虹口区张桥路88号101室,13912345678,,,",
            $"新党员甲,{newcomer},虹口区张桥路90号201室,,1975-07-01,张桥居民区第一党支部,高中"));
        var page = await cadre.GetPageAsync(preview);

        Assert.Contains("将新建 1 份档案，更新 1 份", page.QuerySelector(".success")!.TextContent);
        var changes = page.QuerySelectorAll(".changes li li").Select(li => li.TextContent).ToList();
        Assert.Contains($"居住地址：{address} → 虹口区张桥路88号101室", changes);
        Assert.Contains(changes, c => c.StartsWith("电话：", StringComparison.Ordinal) && c.EndsWith("→ *******5678", StringComparison.Ordinal));
        var importId = int.Parse(preview[(preview.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.MemberImportContents.AnyAsync(c => c.MemberImportId == importId)));

        await cadre.ConfirmImportAsync(preview);

        Assert.Contains("导入完成：新建 1 份档案，更新 1 份档案", (await cadre.GetPageAsync(preview)).QuerySelector(".success")!.TextContent);
        // Imported, the roster has served: its personal data is not kept a second time.
        Assert.False(await app.WithDbAsync(db => db.MemberImportContents.AnyAsync(c => c.MemberImportId == importId)));
        var updated = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Member" && a.EntityId == existing.ToString() && a.Action == AuditAction.Updated)
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("zhangqiao", updated.UserName);
        Assert.Contains(new AuditChange("ResidenceAddress", address, "虹口区张桥路88号101室"), AuditTrail.Read(updated.Changes));
        var created = await app.WithDbAsync(async db =>
        {
            var id = await db.Members.Where(m => m.IdNumberHash == Protector.Hash(newcomer)).Select(m => m.Id).SingleAsync();
            return await db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.EntityId == id.ToString() && a.Action == AuditAction.Created && a.UserName == "zhangqiao");
        });
        Assert.Equal(1, created);
        // The new file's name index entries were written as it was made visible, and are visible with it.
        var grams = await app.WithDbAsync(db => db.MemberNameGrams.Where(g => db.Members.Any(m => m.Id == g.MemberId && m.IdNumberHash == Protector.Hash(newcomer)))
            .Select(g => g.Gram).ToListAsync());
        Assert.Equal(MemberNameGram.Of("新党员甲").Order(StringComparer.Ordinal), grams.Order(StringComparer.Ordinal));
        if (app.DatabaseProvider == "Postgres")
        {
            // Then the job vacuums, so that index-only scans need not read the new rows' table pages.
            Assert.True(await VacuumedAsync("Members") && await VacuumedAsync("MemberNameGrams"));
        }
    }

    [Fact]
    public async Task A_file_saved_while_the_import_writes_keeps_both_changes_and_the_import_is_not_redone()
    {
        var existing = await app.FirstOfAreaAsync("张桥", skip: 13);
        var name = await app.WithDbAsync(db => db.Members.Where(m => m.Id == existing).Select(m => m.Name).SingleAsync());
        var cadre = await app.SignedInAsync("zhangqiao");
        var preview = await cadre.UploadRosterAsync("同时.csv", Csv("姓名,身份证号,居住地址", $"{name},{await IdNumberOfAsync(existing)},虹口区张桥路66号301室"));
        var importId = int.Parse(preview[(preview.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        // Another user's save of the same file is under way (its transaction open) when the import is confirmed.
        using (CurrentUserAccessor.ActAs(CurrentUser.System("同时保存")))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
            await using var saving = await db.Database.BeginTransactionAsync();
            (await db.Members.SingleAsync(m => m.Id == existing)).Notes = "同时补充的备注";
            await db.SaveChangesAsync();
            // On SQLite the confirmation itself waits for this transaction, which holds the only writer.
            var confirming = cadre.PostFormAsync(preview, []);
            if (app.DatabaseProvider == "Postgres")
            {
                await UntilASessionWaitsForARowLockAsync();
            }

            await saving.CommitAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await confirming).StatusCode);
        }

        await cadre.WaitForImportAsync(preview);

        Assert.Contains("导入完成：新建 0 份档案，更新 1 份档案", (await cadre.GetPageAsync(preview)).QuerySelector(".success")!.TextContent);
        var file = await app.WithDbAsync(db => db.Members.Where(m => m.Id == existing).Select(m => new { m.Notes, m.ResidenceAddress }).SingleAsync());
        Assert.Equal(("同时补充的备注", "虹口区张桥路66号301室"), (file.Notes, file.ResidenceAddress));
        var payload = MemberImportJob.Payload(importId, ImportPhase.Commit);
        Assert.Equal(1, await app.WithDbAsync(db => db.BackgroundJobs.Where(j => j.Kind == MemberImportJob.Kind && j.Payload == payload).Select(j => j.Attempts).SingleAsync()));
    }

    /// <summary>Until a session of the test database waits for a lock: here, the import waiting for the file the other user is saving.</summary>
    private async Task UntilASessionWaitsForARowLockAsync()
    {
        for (var waited = 0; waited < 600; waited++)
        {
            if (await app.WithDbAsync(db => db.Database.SqlQuery<int>(
                    $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync()) > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The import never came to wait for the file being saved.");
    }

    /// <summary>Whether PostgreSQL's statistics show a VACUUM of the table (not autovacuum's) within half a minute.</summary>
    private async Task<bool> VacuumedAsync(string table)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            if (await app.WithDbAsync(db => db.Database.SqlQuery<bool>($"SELECT last_vacuum IS NOT NULL AS \"Value\" FROM pg_stat_user_tables WHERE relname = {table}").SingleAsync()))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    [Fact]
    public async Task A_Zhangqiao_cadres_file_cannot_touch_a_Ruixin_member_nor_file_anyone_under_a_Ruixin_branch()
    {
        var ruixinMember = await app.FirstOfAreaAsync("瑞鑫", skip: 12);
        var ruixinName = await app.WithDbAsync(db => db.Members.Where(m => m.Id == ruixinMember).Select(m => m.Name).SingleAsync());
        var before = await app.WithDbAsync(db => db.Members.Where(m => m.Id == ruixinMember).Select(m => m.Version).SingleAsync());
        var cadre = await app.SignedInAsync("zhangqiao");

        var preview = await cadre.UploadRosterAsync("越界.csv", Csv(
            "姓名,身份证号,居住地址,转正日期,所在党组织",
            $"{ruixinName},{await IdNumberOfAsync(ruixinMember)},虹口区被改路1号,,",
            $"越界新建,{IdNumbers.New(new DateOnly(1955, 6, 7))},,1980-01-01,瑞鑫居民区第一党支部"));
        var page = await cadre.GetPageAsync(preview);

        var problems = page.QuerySelectorAll(".problems tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["第2行", "身份证号（B列）", "该身份证号已在您的管理范围以外建档，不能由您导入或修改"], problems[0][..3]);
        Assert.Equal(["第3行", "所在党组织（E列）", "“瑞鑫居民区第一党支部”不在您的管理范围内"], problems[1][..3]);
        await cadre.PostFormAsync("/Members/Import", [], formAction: preview);
        await cadre.WaitForImportAsync(preview);
        Assert.Equal(before, await app.WithDbAsync(db => db.Members.Where(m => m.Id == ruixinMember).Select(m => m.Version).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "越界新建")));
    }

    [Fact]
    public async Task Another_user_cannot_see_or_confirm_someone_elses_import()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var preview = await cadre.UploadRosterAsync("名册.csv", Csv(
            "姓名,身份证号,转正日期,所在党组织",
            $"别人看不见,{IdNumbers.New(new DateOnly(1956, 7, 8))},1980.5,张桥第一党支部"));
        var admin = await app.SignedInAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(preview)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(preview + "?handler=Progress")).StatusCode);
        await admin.PostFormAsync("/Members/Import", [], formAction: preview);
        Assert.NotNull((await cadre.GetPageAsync(preview)).QuerySelector("main form[method=post]"));
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "别人看不见")));
    }

    [Fact]
    public async Task The_member_list_offers_import_to_those_who_may_edit_files()
    {
        var cadre = await (await app.SignedInAsync("zhangqiao")).GetPageAsync("/Members");
        var secretary = await (await app.SignedInAsync("caihong")).GetPageAsync("/Members");

        Assert.Contains(cadre.QuerySelectorAll(".title-row a"), a => a.TextContent == "批量导入" && a.GetAttribute("href") == "/Members/Import");
        Assert.DoesNotContain(secretary.QuerySelectorAll("main a"), a => a.TextContent == "批量导入");
    }

    [Fact]
    public async Task A_workbook_that_cannot_be_read_or_is_absurdly_wide_is_reported_and_nothing_is_written()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var unreadable = await cadre.UploadRosterAsync("坏表.xlsx", BreakSheet());
        var wide = await cadre.UploadRosterAsync("宽表.csv", Csv("姓名,身份证号,出生日期" + new string(',', 300)));

        Assert.Contains("文件内容无法读取", (await cadre.GetPageAsync(unreadable)).QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("超过了256列", (await cadre.GetPageAsync(wide)).QuerySelector(".problems")!.TextContent);
    }

    /// <summary>A workbook whose sheet is not XML: it passes the checks on the zip, and fails when read.</summary>
    private static byte[] BreakSheet()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("xl/workbook.xml", "<workbook"), ("xl/worksheets/sheet1.xml", "<<<这不是表格>>>") })
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open());
                entry.Write(text);
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task A_temporary_branch_secretary_may_not_import()
    {
        var secretary = await app.SignedInAsync("caihong");

        var response = await secretary.GetAsync("/Members/Import");

        Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_template_downloads_and_its_example_row_is_reported_rather_than_imported()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var template = await cadre.GetAsync("/Members/Import?handler=Template");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType!.MediaType);

        var preview = await cadre.UploadRosterAsync("党员档案导入模板.xlsx", await template.Content.ReadAsByteArrayAsync());
        var problem = (await cadre.GetPageAsync(preview)).QuerySelectorAll(".problems tbody tr").Single().Children.Select(c => c.TextContent).ToList();

        Assert.Equal(["第2行", "公民身份号码（E列）", "这是导入模板中的示例行", "请删除此行后重新上传"], problem);
    }

    [Theory]
    [InlineData("a picture renamed")]
    [InlineData("an old .xls")]
    [InlineData("a zip bomb")]
    [InlineData("50 MB")]
    public async Task A_hostile_file_is_refused_with_a_message_in_Chinese(string what)
    {
        // Built here, not passed as theory data: xunit serializes theory data while discovering tests.
        var (fileName, content) = what switch
        {
            "a picture renamed" => ("名册.xlsx", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 }),
            "an old .xls" => ("名册.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]),
            "a zip bomb" => ("名册.xlsx", ZipBomb()),
            _ => ("名册.csv", new byte[50 * 1024 * 1024]),
        };
        var cadre = await app.SignedInAsync("zhangqiao");
        var before = await app.WithDbAsync(db => db.MemberImports.CountAsync());

        var response = await cadre.UploadAsync("/Members/Import", fileName, content);
        if (response.StatusCode == HttpStatusCode.SeeOther)
        {
            // Over the upload limit: stopped before it is read and sent back to the import page, which says why.
            response = await cadre.GetAsync(response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await response.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}{4}", message);
        Assert.Equal(before, await app.WithDbAsync(db => db.MemberImports.CountAsync()));
    }

    /// <summary>A workbook whose one sheet unpacks from some 20 KB to 30 MB: a ratio no real roster has.</summary>
    private static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var workbook = zip.CreateEntry("xl/workbook.xml").Open())
            {
                workbook.Write("<workbook/>"u8);
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            sheet.Write(new byte[30 * 1024 * 1024]);
        }

        return stream.ToArray();
    }
}
