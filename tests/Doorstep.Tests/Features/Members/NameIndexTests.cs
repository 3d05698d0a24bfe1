using System.Net.Http.Json;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Members;

/// <summary>The name index (ADR 0021): what it answers, and that every way a file changes keeps it.</summary>
[Collection(SharedApp.Name)]
public class NameIndexTests(DoorstepApp app)
{
    private sealed record ListResponse(int Total, List<Row> Items);

    private sealed record Row(int Id, string Name);

    private static CurrentUser AdminOf(int subDistrictId) =>
        new("name-index-admin", "街道管理员（名字索引测试）", new DataScope(ScopeKind.SubDistrict, subDistrictId));

    private async Task<List<int>> FoundAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<ListResponse>($"/api/v1/members?q={Uri.EscapeDataString(q)}"))!.Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task A_name_search_by_the_admin_reads_the_name_index_and_finds_exactly_what_a_scan_of_the_names_finds()
    {
        var admin = await app.SignedInAsync("admin");
        var subDistrictId = await app.WithDbAsync(db => db.SubDistricts.Where(s => s.Name == "嘉兴路街道").Select(s => s.Id).SingleAsync());
        // A surname, two characters from inside a given name, a whole name, and a character that only
        // stands inside names (a surname search must not find it there).
        foreach (var q in new[] { "吴", "王", "德勤", "吴德勤", "勤" })
        {
            var expected = await app.WithDbAsync(async db =>
            {
                var matching = db.Members.Where(m => m.SubDistrictId == subDistrictId && (q.Length == 1 ? m.Name.StartsWith(q) : m.Name.Contains(q)));
                return (Total: await matching.CountAsync(),
                    Ids: await matching.OrderBy(m => m.NamePinyin).ThenBy(m => m.Name).ThenBy(m => m.Id).Select(m => m.Id).Take(MemberQueries.PageSize).ToListAsync());
            });
            var fromIndex = await app.WithDbAsync(db =>
            {
                using var acting = CurrentUserAccessor.ActAs(AdminOf(subDistrictId));
                return Task.FromResult(new MemberFilter { Q = q }.Matches(db, ChinaTime.Today(TimeProvider.System), app.Services.GetRequiredService<PersonalDataProtector>()).FromNameIndex);
            });

            var response = await admin.GetFromJsonAsync<ListResponse>($"/api/v1/members?q={Uri.EscapeDataString(q)}");
            var page = await admin.GetPageAsync($"/Members?q={Uri.EscapeDataString(q)}");

            Assert.True(fromIndex, q);
            Assert.Equal(expected.Total, response!.Total);
            Assert.Equal(expected.Ids, response.Items.Select(i => i.Id));
            Assert.Contains($"共 {expected.Total} 人", page.QuerySelector(".count")!.TextContent);
        }
    }

    [Fact]
    public async Task The_name_index_follows_a_file_through_its_creation_a_new_name_a_new_branch_and_its_deletion()
    {
        var admin = await app.SignedInAsync("admin");
        var (unit, otherAreaUnit) = await app.WithDbAsync(async db =>
        {
            var branches = await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Branch && u.ResidentialAreaId != null).OrderBy(u => u.Id).ToListAsync();
            var first = branches[0];
            return (first, branches.First(b => b.ResidentialAreaId != first.ResidentialAreaId));
        });
        var id = await app.WithDbAsync(async db =>
        {
            var member = new Member { Name = "欧阳闻索华", SubDistrictId = unit.SubDistrictId, OrgUnitId = unit.Id, BirthDate = new DateOnly(1951, 3, 9) };
            member.SetIdNumber(IdNumbers.New(member.BirthDate), app.Services.GetRequiredService<PersonalDataProtector>());
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });

        // Five characters: longer than a gram, so the index's first four and the name decide.
        Assert.Contains(id, await FoundAsync(admin, "欧阳闻索华"));
        Assert.Contains(id, await FoundAsync(admin, "闻索"));
        Assert.Contains(id, await FoundAsync(admin, "阳闻索华"));
        Assert.DoesNotContain(id, await FoundAsync(admin, "欧阳闻索华成"));

        await app.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == id);
            member.Name = "欧阳闻索成";
            member.OrgUnitId = otherAreaUnit.Id;
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(id, await FoundAsync(admin, "索华"));
        Assert.Contains(id, await FoundAsync(admin, "索成"));
        var areas = await app.WithDbAsync(db => db.MemberNameGrams.Where(g => g.MemberId == id).Select(g => g.OrgUnitAreaId).Distinct().ToListAsync());
        Assert.Equal([otherAreaUnit.ResidentialAreaId], areas);

        await app.WithDbAsync(async db =>
        {
            db.Members.Remove(await db.Members.SingleAsync(m => m.Id == id));
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(id, await FoundAsync(admin, "闻索"));
        Assert.False(await app.WithDbAsync(db => db.MemberNameGrams.IgnoreQueryFilters().AnyAsync(g => g.MemberId == id)));
    }

    [Fact]
    public async Task The_migrations_fill_of_the_name_index_writes_what_saving_the_files_wrote()
    {
        var (computed, saved, filled) = await app.WithDbAsync(async db =>
        {
            var members = await db.Members.IgnoreQueryFilters().AsNoTracking().ToListAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var saved = await EntriesAsync(db);
            await db.MemberNameGrams.IgnoreQueryFilters().ExecuteDeleteAsync();
            await db.Database.ExecuteSqlRawAsync(MemberNameGram.Backfill);
            var filled = await EntriesAsync(db);
            await transaction.RollbackAsync();
            return (members.SelectMany(MemberNameGram.For).Select(Line).Order(StringComparer.Ordinal).ToList(), saved, filled);
        });

        Assert.True(computed.Count > 100);
        Assert.Equal(computed, saved);
        Assert.Equal(computed, filled);
    }

    private static async Task<List<string>> EntriesAsync(DoorstepDb db) =>
        (await db.MemberNameGrams.IgnoreQueryFilters().AsNoTracking().ToListAsync()).Select(Line).Order(StringComparer.Ordinal).ToList();

    private static string Line(MemberNameGram g) => $"{g.MemberId} {g.Gram} {g.SubDistrictId} {g.OrgUnitAreaId} {g.PendingImportId} {g.NamePinyin} {g.Name}";
}
