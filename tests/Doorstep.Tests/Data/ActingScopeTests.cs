using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Transfers;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Data;

/// <summary>
/// Work outside a request (a job, a worker, a command) acts for whom it names: nobody by default, a
/// user who asked for it, or the system by name. A forgotten name must show as nothing, never as everything.
/// </summary>
[Collection(SharedApp.Name)]
public class ActingScopeTests(DoorstepApp app)
{
    /// <summary>Runs work on a thread of its own with nothing flowing in from the test, as a background worker starts.</summary>
    private async Task<T> InBackgroundAsync<T>(Func<DoorstepDb, Task<T>> work)
    {
        Task<T> task;
        using (ExecutionContext.SuppressFlow())
        {
            task = Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                return await work(scope.ServiceProvider.GetRequiredService<DoorstepDb>());
            });
        }

        return await task;
    }

    [Fact]
    public async Task Background_work_that_names_nobody_sees_no_members_no_transfers_and_no_audit()
    {
        var onFile = await app.WithDbAsync(db => db.Members.CountAsync());

        var seen = await InBackgroundAsync(async db => new
        {
            db.CurrentUser.Scope.Kind,
            Members = await db.Members.CountAsync(),
            InScope = await db.MembersInScope.CountAsync(),
            Transfers = await db.Transfers.CountAsync(),
            Audit = await db.AuditEntries.CountAsync(),
        });

        Assert.True(onFile > 1000);
        Assert.Equal(new { Kind = ScopeKind.Nobody, Members = 0, InScope = 0, Transfers = 0, Audit = 0 }, seen);
    }

    [Fact]
    public async Task Background_work_that_names_nobody_may_not_change_a_member_and_nothing_is_written()
    {
        var memberId = await app.FirstOfAreaAsync("大连", skip: 3);

        var refused = await InBackgroundAsync(async db =>
        {
            var member = await db.Members.IgnoreQueryFilters().SingleAsync(m => m.Id == memberId);
            member.Notes = "后台无身份修改";
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });

        Assert.IsType<ScopeViolationException>(refused);
        Assert.NotEqual("后台无身份修改", await app.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.Notes).SingleAsync()));
    }

    [Fact]
    public async Task Background_work_that_asks_for_a_named_system_scope_sees_everything_and_is_audited_under_that_name()
    {
        var memberId = await app.FirstOfAreaAsync("大连", skip: 4);
        var onFile = await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().CountAsync());

        var seen = await InBackgroundAsync(async db =>
        {
            using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("测试后台任务"));
            (await db.Members.SingleAsync(m => m.Id == memberId)).Notes = "系统任务写入";
            await db.SaveChangesAsync();
            return await db.MembersInScope.CountAsync();
        });

        Assert.Equal(onFile, seen);
        var audit = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Member) && a.EntityId == memberId.ToString() && a.Action == AuditAction.Updated)
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("系统：测试后台任务", audit.UserName);
    }

    [Fact]
    public async Task Background_work_a_user_started_keeps_that_users_scope_across_awaits_and_threads_and_loses_it_after()
    {
        var cadre = await app.WithDbAsync(async db =>
        {
            var area = await db.ResidentialAreas.Where(a => a.Name == "张桥").Select(a => new { a.Id, a.SubDistrictId }).SingleAsync();
            return new CurrentUser("job-user", "张桥的任务", new DataScope(ScopeKind.ResidentialArea, area.SubDistrictId, ResidentialAreaId: area.Id));
        });
        var zhangqiao = await app.WithDbAsync(db => db.Members.CountAsync(m => m.OrgUnit.ResidentialArea!.Name == "张桥"));

        var (during, after) = await InBackgroundAsync(async db =>
        {
            int counted;
            using (CurrentUserAccessor.ActAs(cadre))
            {
                await Task.Yield();
                counted = await Task.Run(() => db.Members.CountAsync());
            }

            return (counted, await db.Members.CountAsync());
        });

        Assert.True(zhangqiao > 0);
        Assert.Equal(zhangqiao, during);
        Assert.Equal(0, after);
    }

    [Fact]
    public async Task A_card_holder_reads_their_own_member_only_and_changes_nothing()
    {
        var memberId = await app.FirstOfAreaAsync("岳州", skip: 2);
        var card = new CurrentUser(null, "随身听卡", new DataScope(ScopeKind.MemberCard, 1, MemberId: memberId));

        var (seen, refused) = await InBackgroundAsync(async db =>
        {
            using var acting = CurrentUserAccessor.ActAs(card);
            var ids = await db.MembersInScope.Select(m => m.Id).ToListAsync();
            (await db.Members.SingleAsync(m => m.Id == memberId)).Notes = "持卡人修改";
            return (ids, await Record.ExceptionAsync(() => db.SaveChangesAsync()));
        });

        Assert.Equal([memberId], seen);
        Assert.IsType<ScopeViolationException>(refused);
    }

    [Fact]
    public async Task A_department_handler_reads_no_member_file_and_no_transfer()
    {
        var handler = new CurrentUser("department-test", "部门经办人", new DataScope(ScopeKind.Department, 1, DepartmentId: 1));

        var seen = await InBackgroundAsync(async db =>
        {
            using var acting = CurrentUserAccessor.ActAs(handler);
            return (await db.Members.CountAsync(), await db.MembersInScope.CountAsync(), await db.Set<Transfer>().CountAsync());
        });

        Assert.Equal((0, 0, 0), seen);
    }
}
