using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Doorstep.Features.Members;
using Doorstep.Features.Transfers;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Transfers;

[Collection(SharedApp.Name)]
public class TransferFlowTests(DoorstepApp app)
{
    [Fact]
    public async Task An_internal_transfer_from_Zhangqiao_to_Ruixin_moves_the_file_and_every_step_shows_on_the_timeline()
    {
        var (memberId, _) = await app.NewMemberAsync("张桥", "接转甲");
        var ruixinBranch = await app.BranchOfAsync("瑞鑫");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var ruixin = await app.SignedInAsync("ruixin");
        var admin = await app.SignedInAsync("admin");

        var file = await zhangqiao.GetPageAsync($"/Members/Details/{memberId}");
        Assert.Contains(file.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Transfers/Apply/{memberId}" && a.TextContent == "办理组织关系转出");

        var transferId = TransferSteps.TransferId(await zhangqiao.ApplyAsync(memberId, "Internal", ruixinBranch, letterNumber: "沪嘉转〔2026〕第101号"));
        await zhangqiao.StepsAsync(transferId, "Approve");

        var waiting = await ruixin.GetPageAsync("/Transfers?tab=Mine");
        Assert.Contains(waiting.QuerySelectorAll(".cards a"), a => a.GetAttribute("href") == $"/Transfers/Details/{transferId}" && a.TextContent.Contains("接转甲"));
        Assert.Equal(HttpStatusCode.NotFound, (await ruixin.GetAsync($"/Members/Details/{memberId}")).StatusCode);

        await ruixin.StepsAsync(transferId, "Accept");
        await admin.StepsAsync(transferId, "Complete");

        Assert.Equal(ruixinBranch, await app.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.OrgUnitId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await zhangqiao.GetAsync($"/Members/Details/{memberId}")).StatusCode);
        async Task<bool> FoundBy(HttpClient cadre) => (await cadre.GetFromJsonAsync<JsonElement>("/api/v1/members?q=" + Uri.EscapeDataString("接转甲")))
            .GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetInt32() == memberId);
        Assert.False(await FoundBy(zhangqiao));
        Assert.True(await FoundBy(ruixin));
        var timelineList = (await ruixin.GetPageAsync($"/Members/Details/{memberId}")).QuerySelector(".timeline")!;
        var timeline = timelineList.TextContent;
        Assert.Contains(timelineList.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Transfers/Details/{transferId}");
        Assert.Contains("所在党组织：张桥居民区第一党支部 → 瑞鑫居民区第一党支部", timeline);
        Assert.Contains("zhangqiao · 申请组织关系转出：张桥居民区第一党支部 → 瑞鑫居民区第一党支部", timeline);
        Assert.Contains("zhangqiao · 组织关系接转：转出方审核通过（介绍信编号 沪嘉转〔2026〕第101号）", timeline);
        Assert.Contains("ruixin · 组织关系接转：转入方接收", timeline);
        Assert.Contains("admin · 组织关系接转完成：档案转入瑞鑫居民区第一党支部", timeline);
        var done = await zhangqiao.GetPageAsync("/Transfers?tab=Closed");
        Assert.Contains(done.QuerySelectorAll(".cards a"), a => a.GetAttribute("href") == $"/Transfers/Details/{transferId}" && a.TextContent.Contains("已完成"));
    }

    [Fact]
    public async Task A_transfer_returned_with_a_reason_ends_shows_the_reason_and_frees_the_member_for_a_new_one()
    {
        var (memberId, _) = await app.NewMemberAsync("张桥", "接转乙");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var ruixin = await app.SignedInAsync("ruixin");
        var transferId = TransferSteps.TransferId(await zhangqiao.ApplyAsync(memberId, "Internal", await app.BranchOfAsync("瑞鑫")));
        await zhangqiao.StepsAsync(transferId, "Approve");

        var withoutReason = await ruixin.StepAsync(transferId, "Return", reason: "");
        Assert.Contains("请填写退回原因", await TransferSteps.AlertOf(withoutReason));

        var returned = await ruixin.StepAsync(transferId, "Return", reason: "本居民区无此住址，请核对后重新申请");

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var page = await zhangqiao.GetPageAsync($"/Transfers/Details/{transferId}");
        Assert.Contains("已退回", page.QuerySelector(".facts")!.TextContent);
        Assert.Contains("退回原因：本居民区无此住址，请核对后重新申请", page.QuerySelector(".steps")!.TextContent);
        var timeline = (await zhangqiao.GetPageAsync($"/Members/Details/{memberId}")).QuerySelector(".timeline")!.TextContent;
        Assert.Contains("ruixin · 组织关系接转退回：本居民区无此住址，请核对后重新申请", timeline);
        Assert.Equal(HttpStatusCode.Redirect, (await zhangqiao.ApplyAsync(memberId, "Internal", await app.BranchOfAsync("瑞鑫", skip: 1))).StatusCode);
    }

    [Fact]
    public async Task A_second_transfer_is_refused_while_one_is_under_way()
    {
        var (memberId, _) = await app.NewMemberAsync("张桥", "接转丙");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var firstId = TransferSteps.TransferId(await zhangqiao.ApplyAsync(memberId, "Internal", await app.BranchOfAsync("瑞鑫")));

        var form = await zhangqiao.GetPageAsync($"/Transfers/Apply/{memberId}");
        var second = await zhangqiao.ApplyAsync(memberId, "Outbound", otherParty: "中共杭州市某街道工作委员会");

        Assert.Contains("已有一项正在办理的组织关系接转", form.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains(form.QuerySelectorAll("[role=alert] a"), a => a.GetAttribute("href") == $"/Transfers/Details/{firstId}");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("已有一项正在办理的组织关系接转", await TransferSteps.AlertOf(second));
        Assert.Equal(1, await app.WithDbAsync(db => db.Transfers.CountAsync(t => t.MemberId == memberId)));
    }

    [Fact]
    public async Task A_lost_contact_member_cannot_be_transferred()
    {
        var (memberId, _) = await app.NewMemberAsync("张桥", "接转丁", status: "LostContact");
        var zhangqiao = await app.SignedInAsync("zhangqiao");

        var form = await zhangqiao.GetPageAsync($"/Transfers/Apply/{memberId}");
        var posted = await zhangqiao.ApplyAsync(memberId, "Internal", await app.BranchOfAsync("瑞鑫"));

        Assert.Contains("该党员处于失联状态，不能办理组织关系接转", form.QuerySelector("[role=alert]")!.TextContent);
        Assert.Null(form.QuerySelector("main form[method=post]"));
        Assert.Contains("该党员处于失联状态", await TransferSteps.AlertOf(posted));
        Assert.False(await app.WithDbAsync(db => db.Transfers.AnyAsync(t => t.MemberId == memberId)));
    }

    [Fact]
    public async Task A_transfer_to_the_unit_that_already_holds_the_file_is_refused()
    {
        var (memberId, _) = await app.NewMemberAsync("张桥", "接转戊");
        var zhangqiao = await app.SignedInAsync("zhangqiao");

        var posted = await zhangqiao.ApplyAsync(memberId, "Internal", await app.BranchOfAsync("张桥"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Transfers.AnyAsync(t => t.MemberId == memberId)));
    }

    [Fact]
    public async Task An_outbound_transfer_is_closed_by_the_sub_district_and_marks_the_file_transferred_out()
    {
        var (memberId, _) = await app.NewMemberAsync("张桥", "接转己");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var admin = await app.SignedInAsync("admin");
        var transferId = TransferSteps.TransferId(await zhangqiao.ApplyAsync(memberId, "Outbound", otherParty: "中共杭州市上城区某街道工作委员会"));
        await zhangqiao.StepsAsync(transferId, "Approve", "Accept");

        var bySender = await zhangqiao.StepAsync(transferId, "Complete");
        Assert.Contains("不由您办理", await TransferSteps.AlertOf(bySender));
        Assert.Equal(MemberStatus.Normal, await app.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.Status).SingleAsync()));

        await admin.StepsAsync(transferId, "Complete");
        Assert.Equal(MemberStatus.TransferredOut, await app.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_inbound_transfer_from_outside_creates_the_file_in_the_receiving_unit_when_it_completes()
    {
        var birth = new DateOnly(1955, 6, 1);
        var idNumber = IdNumbers.New(birth, male: false);
        var ruixinBranch = await app.BranchOfAsync("瑞鑫");
        var ruixin = await app.SignedInAsync("ruixin");

        var registered = await ruixin.PostFormAsync("/Transfers/ApplyInbound", new Dictionary<string, string>
        {
            ["Input.Name"] = "转入庚",
            ["Input.Gender"] = "Female",
            ["Input.Ethnicity"] = "汉族",
            ["Input.IdNumber"] = idNumber,
            ["Input.Category"] = "Full",
            ["Input.JoinedOn"] = "1980-07-01",
            ["Input.FullMemberOn"] = "1981-07-01",
            ["Input.ToOrgUnitId"] = ruixinBranch.ToString(),
            ["Input.OtherParty"] = "中共苏州市姑苏区某社区委员会",
            ["Input.LetterNumber"] = "苏组〔2026〕第8号",
        });
        var transferId = TransferSteps.TransferId(registered);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "转入庚")));

        await ruixin.StepsAsync(transferId, "Approve", "Accept", "Complete");

        var member = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Name == "转入庚"));
        Assert.Equal((ruixinBranch, birth, MemberStatus.Normal), (member.OrgUnitId, member.BirthDate, member.Status));
        var file = await ruixin.GetPageAsync($"/Members/Details/{member.Id}");
        Assert.Contains("申请组织关系转入：中共苏州市姑苏区某社区委员会 → 瑞鑫居民区第一党支部", file.QuerySelector(".timeline")!.TextContent);
        Assert.Equal(TransferStatus.Completed, await app.WithDbAsync(db => db.Transfers.Where(t => t.Id == transferId).Select(t => t.Status).SingleAsync()));
    }
}
