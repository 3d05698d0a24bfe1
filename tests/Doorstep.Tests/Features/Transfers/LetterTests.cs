using System.Net;
using Doorstep.Data;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Transfers;

[Collection(SharedApp.Name)]
public class LetterTests(DoorstepApp app)
{
    [Fact]
    public async Task The_letter_prints_its_three_parts_with_the_number_and_a_masked_ID_for_a_cadre()
    {
        var (memberId, idNumber) = await app.NewMemberAsync("张桥", "介绍信甲");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var transferId = TransferSteps.TransferId(await zhangqiao.ApplyAsync(memberId, "Outbound", otherParty: "中共杭州市上城区某街道工作委员会", letterNumber: "沪嘉转〔2026〕第202号"));

        Assert.Equal(HttpStatusCode.NotFound, (await zhangqiao.GetAsync($"/Transfers/Letter/{transferId}")).StatusCode);
        await zhangqiao.StepsAsync(transferId, "Approve");
        var response = await zhangqiao.GetAsync($"/Transfers/Letter/{transferId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        var text = page.QuerySelector(".letter")!.TextContent;
        Assert.Equal(["存根", "介绍信", "回执"], page.QuerySelectorAll(".letter-part").Select(p => p.GetAttribute("aria-label")));
        Assert.Contains("中国共产党党员组织关系介绍信", text);
        Assert.Equal(3, page.QuerySelectorAll(".letter-number").Count(n => n.TextContent == "沪嘉转〔2026〕第202号"));
        Assert.Contains("中共杭州市上城区某街道工作委员会：", text);
        Assert.Contains("中共张桥居民区第一党支部（盖章）", text);
        Assert.Contains("**************" + idNumber[^4..], text);
        Assert.DoesNotContain(idNumber, text);
        Assert.Matches(@"有效期 30 天，至 \d{4}年\d{1,2}月\d{1,2}日", text);
    }

    [Fact]
    public async Task The_admin_prints_the_full_ID_number_and_that_read_is_audited_on_the_file()
    {
        var (memberId, idNumber) = await app.NewMemberAsync("张桥", "介绍信乙");
        var admin = await app.SignedInAsync("admin");
        var transferId = TransferSteps.TransferId(await admin.ApplyAsync(memberId, "Internal", await app.BranchOfAsync("瑞鑫")));
        await admin.StepsAsync(transferId, "Approve");

        var text = (await admin.GetPageAsync($"/Transfers/Letter/{transferId}")).QuerySelector(".letter")!.TextContent;

        Assert.Contains(idNumber, text);
        var seen = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == AuditAction.Viewed && a.EntityType == "Member" && a.EntityId == memberId.ToString() && a.UserName == "admin")
            .ToListAsync());
        Assert.Contains(seen, a => AuditTrail.Read(a.Changes).Single().Field.StartsWith("打印组织关系介绍信"));
    }
}
