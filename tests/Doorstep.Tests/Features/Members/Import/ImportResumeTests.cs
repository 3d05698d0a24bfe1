using System.Net;
using System.Text;
using Doorstep.Features.Members.Import;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Members.Import;

/// <summary>An import is a job in the database: it outlives its node, resumes cleanly, and its roster is deleted in time.</summary>
[Collection(SharedApp.Name)]
public class ImportResumeTests(DoorstepApp app)
{
    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private PersonalDataProtector Protector => app.Services.GetRequiredService<PersonalDataProtector>();

    [Fact]
    public async Task An_upload_whose_node_stopped_before_the_check_is_checked_after_a_restart()
    {
        var database = AppHost.NewDatabase();
        try
        {
            string preview;
            await using (var stopped = new AppHost(new(database) { ["Jobs:Workers"] = "0" }))
            {
                var cadre = await stopped.SignedInAsync("zhangqiao");
                var response = await cadre.UploadAsync("/Members/Import", "名册.csv", Csv(
                    "姓名,身份证号,转正日期,所在党组织",
                    $"重启甲,{IdNumbers.New(new DateOnly(1950, 6, 7))},1980.5,张桥第一党支部"));
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                preview = response.Headers.Location!.OriginalString;
                Assert.Contains("正在等待", (await cadre.GetPageAsync(preview)).QuerySelector(".progress-text")!.TextContent);
            }

            await using var restarted = new AppHost(database);
            var again = await restarted.SignedInAsync("zhangqiao");
            await again.WaitForImportAsync(preview);

            Assert.Contains("检查通过：共 1 行，将新建 1 份档案", (await again.GetPageAsync(preview)).QuerySelector(".success")!.TextContent);
        }
        finally
        {
            await AppHost.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task An_import_cut_off_midway_shows_none_of_its_rows_then_completes_cleanly_when_its_job_is_claimed_again()
    {
        var newcomer = IdNumbers.New(new DateOnly(1949, 8, 9));
        var cadre = await app.SignedInAsync("zhangqiao");
        var preview = await cadre.UploadRosterAsync("中断.csv", Csv(
            "姓名,身份证号,转正日期,所在党组织",
            $"续导甲,{newcomer},1975.5,张桥第一党支部"));
        var importId = int.Parse(preview.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        // As an attempt that died after writing its first chunk leaves it: the import running, a file
        // written invisibly (with its audit row), the job's lease lapsed.
        var strayId = await app.WithDbAsync(async db =>
        {
            var stray = await db.Members.AsNoTracking().OrderBy(m => m.Id).FirstAsync(m => m.OrgUnitAreaId != null && !m.TemporaryBranches.Any());
            stray.Id = 0;
            stray.Name = "中断残留";
            stray.IdNumberHash = Protector.Hash(IdNumbers.New(new DateOnly(1948, 1, 2)));
            stray.PendingImportId = importId;
            db.Members.Add(stray);
            await db.SaveChangesAsync();
            await db.MemberImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, MemberImportStatus.Importing));
            return stray.Id;
        });

        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Id == strayId)));
        var admin = await app.SignedInAsync("admin");
        Assert.DoesNotContain("中断残留", (await admin.GetPageAsync("/Members?q=中断残留")).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Members/Details/{strayId}")).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var job = BackgroundJob.For(MemberImportJob.Kind, MemberImportJob.Payload(importId, ImportPhase.Commit),
                new CurrentUser(await db.Users.Where(u => u.UserName == "zhangqiao").Select(u => u.Id).SingleAsync(), "zhangqiao",
                    new DataScope(ScopeKind.ResidentialArea, await db.SubDistricts.Select(s => s.Id).FirstAsync(),
                        ResidentialAreaId: await db.ResidentialAreas.Where(a => a.Name == "张桥").Select(a => a.Id).SingleAsync())),
                DateTime.UtcNow);
            job.Status = JobStatus.Running;
            job.Attempts = 1;
            job.LeaseOwner = "a node that is gone";
            job.LeaseUntil = DateTime.UtcNow.AddMinutes(-1);
            db.BackgroundJobs.Add(job);
            await db.SaveChangesAsync();
            return await db.MemberImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.JobId, job.Id));
        });
        await cadre.WaitForImportAsync(preview);

        Assert.Contains("导入完成：新建 1 份档案", (await cadre.GetPageAsync(preview)).QuerySelector(".success")!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.IdNumberHash == Protector.Hash(newcomer) && m.Name == "续导甲")));
        Assert.False(await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().AnyAsync(m => m.Id == strayId)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Member" && a.EntityId == strayId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.False(await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().AnyAsync(m => m.PendingImportId == importId)));
    }

    [Fact]
    public async Task An_uploaded_roster_is_deleted_after_the_retention_period_the_page_states()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        Assert.Contains("未导入的名册保存 7 天后自动删除", (await cadre.GetPageAsync("/Members/Import")).QuerySelector("main")!.TextContent);

        var (old, recent) = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var user = new CurrentUser("someone", "zhangqiao", DataScope.Nobody);
            var upload = RosterUpload.Inspect(Csv("姓名", "某人"));
            var o = MemberImport.Checking(user, "八天前.csv", upload, [1, 2, 3], now.AddDays(-8));
            var r = MemberImport.Checking(user, "六天前.csv", upload, [1, 2, 3], now.AddDays(-6));
            o.Status = r.Status = MemberImportStatus.Ready;
            db.MemberImports.AddRange(o, r);
            await db.SaveChangesAsync();
            return (o.Id, r.Id);
        });

        await app.WithDbAsync(async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>(RosterRetentionJob.Kind);
            await handler.RunAsync(new JobRun(BackgroundJob.For(RosterRetentionJob.Kind, null, CurrentUser.System(RosterRetentionJob.Kind), DateTime.UtcNow), (_, _) => Task.CompletedTask), default);
            return 0;
        });

        Assert.False(await app.WithDbAsync(db => db.MemberImports.AnyAsync(i => i.Id == old && i.Content != null)));
        Assert.True(await app.WithDbAsync(db => db.MemberImports.AnyAsync(i => i.Id == recent && i.Content != null)));
        // It is the system's recurring work: queued (or done and queued again) from the start.
        Assert.True(await app.WithDbAsync(db => db.BackgroundJobs.AnyAsync(j => j.Kind == RosterRetentionJob.Kind && j.UserId == null)));
    }
}
