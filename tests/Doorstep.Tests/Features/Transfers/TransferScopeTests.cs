using System.Net;
using Doorstep.Features.Transfers;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Transfers;

/// <summary>A transfer crosses two scopes; these prove it opens no route into a third, and that only the receiving end lands a file.</summary>
[Collection(SharedApp.Name)]
public class TransferScopeTests(DoorstepApp app)
{
    [Fact]
    public async Task A_Zhangqiao_cadre_cannot_apply_to_transfer_a_Ruixin_member_by_a_guessed_ID()
    {
        var (ruixinMember, _) = await app.NewMemberAsync("瑞鑫", "范围甲");
        var zhangqiao = await app.SignedInAsync("zhangqiao");

        var form = await zhangqiao.GetAsync($"/Transfers/Apply/{ruixinMember}");
        var posted = await zhangqiao.ApplyAsync(ruixinMember, "Internal", await app.BranchOfAsync("张桥"));

        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Transfers.AnyAsync(t => t.MemberId == ruixinMember)));
    }

    [Fact]
    public async Task A_Zhangqiao_cadre_gets_404_for_a_transfer_between_two_other_areas_on_every_route()
    {
        var (ruixinMember, _) = await app.NewMemberAsync("瑞鑫", "范围乙");
        var ruixin = await app.SignedInAsync("ruixin");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var transferId = TransferSteps.TransferId(await ruixin.ApplyAsync(ruixinMember, "Internal", await app.BranchOfAsync("大连")));

        Assert.Equal(HttpStatusCode.NotFound, (await zhangqiao.GetAsync($"/Transfers/Details/{transferId}")).StatusCode);
        foreach (var handler in new[] { "Approve", "Accept", "Complete", "Return" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await zhangqiao.StepAsync(transferId, handler, reason: "越权")).StatusCode);
        }

        await ruixin.StepsAsync(transferId, "Approve");
        Assert.Equal(HttpStatusCode.NotFound, (await zhangqiao.GetAsync($"/Transfers/Letter/{transferId}")).StatusCode);
        var list = await zhangqiao.GetPageAsync("/Transfers?tab=UnderWay");
        Assert.DoesNotContain("范围乙", list.QuerySelector("main")!.TextContent);
        var status = await app.WithDbAsync(db => db.Transfers.Where(t => t.Id == transferId).Select(t => t.Status).SingleAsync());
        Assert.Equal(TransferStatus.ApprovedByOrigin, status);
    }

    [Fact]
    public async Task The_sending_cadre_cannot_complete_a_transfer_and_so_cannot_move_a_file_out_of_their_area()
    {
        var (memberId, _) = await app.NewMemberAsync("张桥", "范围丙");
        var zhangqiaoBranch = await app.BranchOfAsync("张桥");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var ruixin = await app.SignedInAsync("ruixin");
        var transferId = TransferSteps.TransferId(await zhangqiao.ApplyAsync(memberId, "Internal", await app.BranchOfAsync("瑞鑫")));
        await zhangqiao.StepsAsync(transferId, "Approve");

        var accept = await zhangqiao.StepAsync(transferId, "Accept");
        await ruixin.StepsAsync(transferId, "Accept");
        var complete = await zhangqiao.StepAsync(transferId, "Complete");

        Assert.Contains("不由您办理", await TransferSteps.AlertOf(accept));
        Assert.Contains("不由您办理", await TransferSteps.AlertOf(complete));
        Assert.Equal(zhangqiaoBranch, await app.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.OrgUnitId).SingleAsync()));
    }

    [Fact]
    public async Task The_receiving_cadre_may_complete_an_internal_transfer_and_the_file_lands_in_their_scope()
    {
        var (memberId, _) = await app.NewMemberAsync("张桥", "范围庚");
        var ruixinBranch = await app.BranchOfAsync("瑞鑫", skip: 1);
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var ruixin = await app.SignedInAsync("ruixin");
        var transferId = TransferSteps.TransferId(await zhangqiao.ApplyAsync(memberId, "Internal", ruixinBranch));
        await zhangqiao.StepsAsync(transferId, "Approve");

        await ruixin.StepsAsync(transferId, "Accept", "Complete");

        Assert.Equal(ruixinBranch, await app.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.OrgUnitId).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await ruixin.GetAsync($"/Members/Details/{memberId}")).StatusCode);
    }

    [Fact]
    public async Task The_receiving_cadre_sees_what_the_transfer_needs_but_never_the_ID_number_or_the_file_before_it_lands()
    {
        var (memberId, idNumber) = await app.NewMemberAsync("张桥", "范围丁");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var ruixin = await app.SignedInAsync("ruixin");
        var transferId = TransferSteps.TransferId(await zhangqiao.ApplyAsync(memberId, "Internal", await app.BranchOfAsync("瑞鑫")));
        await zhangqiao.StepsAsync(transferId, "Approve");

        var details = await (await ruixin.GetAsync($"/Transfers/Details/{transferId}")).Content.ReadAsStringAsync();
        var letter = await (await ruixin.GetAsync($"/Transfers/Letter/{transferId}")).Content.ReadAsStringAsync();

        Assert.Contains("范围丁（男，", details);
        Assert.Contains("确认接收", details);
        Assert.DoesNotContain(idNumber, details + letter);
        Assert.Contains("**************" + idNumber[^4..], letter);
        Assert.Equal(HttpStatusCode.NotFound, (await ruixin.GetAsync($"/Members/Details/{memberId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ruixin.GetAsync($"/api/v1/members/{memberId}")).StatusCode);
    }

    [Fact]
    public async Task A_Zhangqiao_cadre_cannot_pull_a_Ruixin_member_in_by_registering_an_inbound_transfer()
    {
        var (ruixinMember, idNumber) = await app.NewMemberAsync("瑞鑫", "范围戊");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        Dictionary<string, string> Inbound(int toOrgUnitId) => new()
        {
            ["Input.Name"] = "范围戊",
            ["Input.Gender"] = "Male",
            ["Input.Ethnicity"] = "汉族",
            ["Input.IdNumber"] = idNumber,
            ["Input.Category"] = "Full",
            ["Input.JoinedOn"] = "1970-07-01",
            ["Input.FullMemberOn"] = "1971-07-01",
            ["Input.ToOrgUnitId"] = toOrgUnitId.ToString(),
            ["Input.OtherParty"] = "中共某地委员会",
            ["Input.LetterNumber"] = "1",
        };

        var intoOwnArea = await zhangqiao.PostFormAsync("/Transfers/ApplyInbound", Inbound(await app.BranchOfAsync("张桥")));
        var intoRuixin = await zhangqiao.PostFormAsync("/Transfers/ApplyInbound", Inbound(await app.BranchOfAsync("瑞鑫")));

        Assert.Contains("在本街道已有在册的党员档案", await TransferSteps.AlertOf(intoOwnArea));
        Assert.Equal(HttpStatusCode.OK, intoRuixin.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Transfers.AnyAsync(t => t.MemberId == ruixinMember || t.MemberName == "范围戊")));
    }

    [Fact]
    public async Task A_temporary_branch_secretary_has_no_part_in_transfers()
    {
        var secretary = await app.SignedInAsync("caihong");

        var response = await secretary.GetAsync("/Transfers");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location?.AbsolutePath);
    }
}
