using System.Net;
using System.Text;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Members;

[Collection(SharedApp.Name)]
public class PersonalDataTests(DoorstepApp app)
{
    private async Task<(int Id, string IdNumber, string Phone)> MemberWithPhoneAsync(string area)
    {
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        var m = await app.WithDbAsync(db => db.Members
            .Where(x => x.OrgUnit.ResidentialArea!.Name == area && x.PhoneCipher != null)
            .OrderBy(x => x.Id).Select(x => new { x.Id, x.IdNumberCipher, x.PhoneCipher }).FirstAsync());
        return (m.Id, protector.Decrypt(m.IdNumberCipher), protector.Decrypt(m.PhoneCipher!));
    }

    [Fact]
    public async Task The_database_holds_no_plain_ID_number_or_phone()
    {
        var (_, idNumber, phone) = await MemberWithPhoneAsync("瑞鑫");

        string raw;
        if (app.DatabaseProvider == "Sqlite")
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);"));
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            raw = string.Concat(new[] { file, file + "-wal" }.Where(File.Exists).Select(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return Encoding.Latin1.GetString(memory.ToArray());
            }));
        }
        else
        {
            raw = string.Join("\n", await app.WithDbAsync(db => db.Database
                .SqlQueryRaw<string>("SELECT row_to_json(m)::text AS \"Value\" FROM \"Members\" m").ToListAsync()));
        }

        Assert.True(raw.Length > 100_000, "the raw database was read");
        Assert.DoesNotContain(idNumber, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_and_the_API_show_ID_numbers_and_phones_masked()
    {
        var (id, idNumber, phone) = await MemberWithPhoneAsync("张桥");
        var cadre = await app.SignedInAsync("zhangqiao");

        var page = await (await cadre.GetAsync($"/Members/Details/{id}")).Content.ReadAsStringAsync();
        var api = await (await cadre.GetAsync($"/api/v1/members/{id}")).Content.ReadAsStringAsync();

        Assert.Contains("**************" + idNumber[^4..], page);
        Assert.Contains("*******" + phone[^4..], page);
        Assert.DoesNotContain(idNumber, page + api);
        Assert.DoesNotContain(phone, page + api);
    }

    [Fact]
    public async Task Revealing_a_full_ID_number_shows_it_once_and_is_audited()
    {
        var (id, idNumber, _) = await MemberWithPhoneAsync("张桥");
        var cadre = await app.SignedInAsync("zhangqiao");

        var response = await cadre.PostFormAsync($"/Members/Details/{id}", new Dictionary<string, string> { ["field"] = "IdNumber" },
            formAction: $"/Members/Details/{id}?handler=Reveal");

        Assert.Contains(idNumber, await response.Content.ReadAsStringAsync());
        var seen = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == AuditAction.Viewed && a.EntityId == id.ToString() && a.UserName == "zhangqiao").ToListAsync());
        Assert.Contains(seen, a => AuditTrail.Read(a.Changes).Single().Field == "查看完整公民身份号码");
        Assert.DoesNotContain(idNumber, await (await cadre.GetAsync($"/Members/Details/{id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_temporary_branch_secretary_cannot_reveal_or_edit()
    {
        var memberId = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "周菊妹").Select(m => m.Id).SingleAsync());
        var secretary = await app.SignedInAsync("caihong");

        var file = await secretary.GetPageAsync($"/Members/Details/{memberId}");
        var edit = await secretary.GetAsync($"/Members/Edit/{memberId}");

        Assert.Empty(file.QuerySelectorAll("form[action*=Reveal]"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", edit.Headers.Location!.AbsolutePath);
    }
}
