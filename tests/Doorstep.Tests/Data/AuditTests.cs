using Doorstep.Data;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Data;

[Collection(SharedApp.Name)]
public class AuditTests(DoorstepApp app)
{
    [Fact]
    public async Task The_audit_never_holds_an_identity_number_or_phone_even_encrypted()
    {
        var changes = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Member" && a.Action == AuditAction.Created)
            .Select(a => a.Changes).Take(50).ToListAsync());

        Assert.NotEmpty(changes);
        foreach (var change in changes.SelectMany(AuditTrail.Read).Where(c => c.Field.StartsWith("IdNumber") || c.Field.StartsWith("Phone")))
        {
            Assert.Null(change.Old);
            Assert.Equal("（已更改，受保护字段不记录内容）", change.New);
        }
    }

    [Fact]
    public async Task The_admin_reads_the_audit_with_who_did_what_to_which_record()
    {
        var admin = await app.SignedInAsync("admin");

        var page = await admin.GetPageAsync("/Audit?entity=Member");

        var first = page.QuerySelector(".timeline > li p")!.TextContent;
        var name = page.QuerySelector(".timeline > li .record")!.TextContent;
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} · \S+ · (新建|修改) · 党员档案 \S+$", first);
        Assert.True(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == name)), $"{name} is not a member's name");
    }
}
