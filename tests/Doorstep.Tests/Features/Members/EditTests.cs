using System.Net;
using Doorstep.Data;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Members;

[Collection(SharedApp.Name)]
public class EditTests(DoorstepApp app)
{
    [Fact]
    public async Task Saving_a_change_records_who_changed_which_field_from_old_to_new()
    {
        var id = await app.FirstOfAreaAsync("张桥", skip: 1);
        var before = await app.WithDbAsync(db => db.Members.Where(m => m.Id == id).Select(m => m.ResidenceAddress).SingleAsync());
        var cadre = await app.SignedInAsync("zhangqiao");
        var form = Forms.FieldsOf(await cadre.GetPageAsync($"/Members/Edit/{id}")).With("Input.ResidenceAddress", "虹口区张桥路1号101室");

        var response = await cadre.PostFormAsync($"/Members/Edit/{id}", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audit = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Member" && a.EntityId == id.ToString() && a.Action == AuditAction.Updated)
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("zhangqiao", audit.UserName);
        Assert.Equal([new AuditChange("ResidenceAddress", before, "虹口区张桥路1号101室")], AuditTrail.Read(audit.Changes));

        var file = await cadre.GetPageAsync($"/Members/Details/{id}");
        Assert.Contains($"居住地址：{before} → 虹口区张桥路1号101室", file.QuerySelector(".timeline")!.TextContent);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_and_shows_what_the_first_changed()
    {
        var id = await app.FirstOfAreaAsync("张桥", skip: 2);
        var first = await app.SignedInAsync("zhangqiao");
        var second = await app.SignedInAsync("admin");
        var firstForm = Forms.FieldsOf(await first.GetPageAsync($"/Members/Edit/{id}"));
        var secondForm = Forms.FieldsOf(await second.GetPageAsync($"/Members/Edit/{id}"));

        await first.PostFormAsync($"/Members/Edit/{id}", firstForm.With("Input.Notes", "第一位干部的备注"));
        var refused = await second.PostFormAsync($"/Members/Edit/{id}", secondForm.With("Input.Notes", "第二位的备注"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var alert = (await refused.ReadHtmlAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("zhangqiao 已修改了这份档案", alert);
        Assert.Contains("备注：（空） → 第一位干部的备注", alert);
        Assert.Equal("第一位干部的备注", await app.WithDbAsync(db => db.Members.Where(m => m.Id == id).Select(m => m.Notes).SingleAsync()));
    }

    [Fact]
    public async Task Bad_values_are_named_at_their_field_in_Chinese_and_nothing_is_saved()
    {
        var id = await app.FirstOfAreaAsync("张桥", skip: 3);
        var cadre = await app.SignedInAsync("zhangqiao");
        var form = Forms.FieldsOf(await cadre.GetPageAsync($"/Members/Edit/{id}"))
            .With("Input.Name", "").With("Input.Phone", "12345").With("Input.BirthDate", "不是日期");

        var page = await (await cadre.PostFormAsync($"/Members/Edit/{id}", form)).ReadHtmlAsync();

        Assert.Equal("请填写姓名。", page.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent);
        Assert.Equal("电话号码应为以1开头的11位手机号，或带区号的固定电话（如 021-65431234）。", page.QuerySelector("[data-valmsg-for='Input.Phone']")?.TextContent);
        Assert.Equal("“出生日期”的格式不正确，请按提示重新填写。", page.QuerySelector("[data-valmsg-for='Input.BirthDate']")?.TextContent);
        Assert.NotEqual("", await app.WithDbAsync(db => db.Members.Where(m => m.Id == id).Select(m => m.Name).SingleAsync()));
    }
}
