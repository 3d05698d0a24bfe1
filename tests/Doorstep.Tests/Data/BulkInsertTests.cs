using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Data;

/// <summary>A save that adds members by the hundred takes the bulk path; it must keep every rule a single save keeps.</summary>
[Collection(SharedApp.Name)]
public class BulkInsertTests(DoorstepApp app)
{
    private const int Many = BulkInsert.Threshold + 20;

    [Fact]
    public async Task Members_saved_by_the_hundred_get_their_keys_pinyin_and_one_audit_row_each_naming_them()
    {
        var unit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Branch && u.ResidentialAreaId != null)
            .Select(u => new { u.Id, u.SubDistrictId, Area = u.ResidentialAreaId!.Value }).FirstAsync());
        var cadre = new CurrentUser("bulk-test", "批量测试", new DataScope(ScopeKind.ResidentialArea, unit.SubDistrictId, unit.Area));
        var existing = await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().Where(m => m.OrgUnitId == unit.Id).Select(m => m.Id).FirstAsync());

        List<Member> added;
        await using (var scope = app.Services.CreateAsyncScope())
        using (CurrentUserAccessor.ActAs(cadre))
        {
            var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            added = Enumerable.Range(0, Many).Select(i => NewMember(unit.SubDistrictId, unit.Id, i, protector)).ToList();
            db.Members.AddRange(added);
            // A change in the same save still goes through EF, in the same transaction.
            (await db.Members.SingleAsync(m => m.Id == existing)).Notes = "批量保存时修改";
            await db.SaveChangesAsync();
        }

        var ids = added.Select(m => m.Id).ToList();
        Assert.All(ids, id => Assert.True(id > 0));
        Assert.Equal(Many, ids.Distinct().Count());
        var stored = await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new { m.Name, m.NameInitials, m.BirthDate, m.Category }));
        Assert.All(added, m => Assert.Equal(new { m.Name, NameInitials = "pl", m.BirthDate, m.Category }, stored[m.Id]));

        var audit = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.EntityType == "Member" && a.UserName == "批量测试").ToListAsync());
        var created = audit.Where(a => a.Action == AuditAction.Created).ToList();
        Assert.Equal(ids.Select(id => id.ToString()).Order(), created.Select(a => a.EntityId).Order());
        Assert.All(created, a => Assert.Contains(new AuditChange("Name", null, stored[int.Parse(a.EntityId)].Name), AuditTrail.Read(a.Changes)));
        Assert.Contains(audit, a => a.Action == AuditAction.Updated && a.EntityId == existing.ToString());
    }

    [Fact]
    public async Task Members_saved_by_the_hundred_outside_the_users_area_are_refused_and_nothing_is_written()
    {
        var units = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Branch && u.ResidentialAreaId != null)
            .Select(u => new { u.Id, u.SubDistrictId, Area = u.ResidentialAreaId!.Value }).ToListAsync());
        var own = units[0];
        var other = units.First(u => u.Area != own.Area);
        var cadre = new CurrentUser("bulk-test-2", "越界测试", new DataScope(ScopeKind.ResidentialArea, own.SubDistrictId, own.Area));
        var before = await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().CountAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        using (CurrentUserAccessor.ActAs(cadre))
        {
            var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            db.Members.AddRange(Enumerable.Range(0, Many).Select(i => NewMember(own.SubDistrictId, i == Many - 1 ? other.Id : own.Id, 500 + i, protector)));
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Members.IgnoreQueryFilters().CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.UserName == "越界测试")));
    }

    /// <summary>ID numbers from an area code the demo never uses, with the real check character.</summary>
    private static Member NewMember(int subDistrictId, int orgUnitId, int i, PersonalDataProtector protector)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(i);
        var first17 = $"659001{birth:yyyyMMdd}{i % 1000:D3}";
        var member = new Member
        {
            Name = $"批量{i}",
            SubDistrictId = subDistrictId,
            OrgUnitId = orgUnitId,
            BirthDate = birth,
            Category = i % 2 == 0 ? MemberCategory.Full : MemberCategory.Probationary,
        };
        member.SetIdNumber(first17 + IdNumber.CheckCharacter(first17), protector);
        return member;
    }
}
