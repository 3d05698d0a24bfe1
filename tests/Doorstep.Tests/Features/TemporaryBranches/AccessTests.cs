using System.Net;
using Doorstep.Features.Organizations;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.TemporaryBranches;

/// <summary>The admin manages temporary branches; a secretary reads their own; nobody else opens them.</summary>
[Collection(SharedApp.Name)]
public class AccessTests(DoorstepApp app)
{
    private Task<int> CaihongAsync() => app.WithDbAsync(db => db.OrgUnits.Where(u => u.Name == "彩虹之嘉临时党支部").Select(u => u.Id).SingleAsync());

    private Task<int> ZhouJumeiAsync() => app.WithDbAsync(db => db.Members.Where(m => m.Name == "周菊妹").Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task An_area_cadre_cannot_open_any_temporary_branch_page()
    {
        var caihong = await CaihongAsync();
        var cadre = await app.SignedInAsync("zhangqiao");

        foreach (var url in new[] { "/TemporaryBranches", "/TemporaryBranches/Create", $"/TemporaryBranches/Details/{caihong}", $"/TemporaryBranches/Remove/{caihong}/{await ZhouJumeiAsync()}" })
        {
            var response = await cadre.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task A_secretary_is_taken_to_their_branch_and_reads_it_without_managing_it()
    {
        var caihong = await CaihongAsync();
        var secretary = await app.SignedInAsync("caihong");

        var index = await secretary.GetAsync("/TemporaryBranches");
        var details = await secretary.GetPageAsync($"/TemporaryBranches/Details/{caihong}");
        var create = await secretary.GetAsync("/TemporaryBranches/Create");
        var remove = await secretary.GetAsync($"/TemporaryBranches/Remove/{caihong}/{await ZhouJumeiAsync()}");

        Assert.Equal($"/TemporaryBranches/Details/{caihong}", index.Headers.Location?.OriginalString);
        Assert.Equal(20, details.QuerySelectorAll(".branch-members > li").Length);
        Assert.Contains("周菊妹", details.QuerySelector(".facts")!.TextContent);
        Assert.Empty(details.QuerySelectorAll("main form"));
        Assert.DoesNotContain(details.QuerySelectorAll("main a"), a => a.TextContent == "移出");
        Assert.StartsWith("/Accounts/AccessDenied", create.Headers.Location!.AbsolutePath);
        Assert.StartsWith("/Accounts/AccessDenied", remove.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_secretary_cannot_add_members_by_posting_or_open_another_branch()
    {
        var caihong = await CaihongAsync();
        var other = await app.WithDbAsync(async db =>
        {
            var unit = new OrgUnit { SubDistrictId = await db.SubDistricts.Select(s => s.Id).FirstAsync(), Kind = OrgUnitKind.TemporaryBranch, Name = "另一临时党支部" + Guid.NewGuid().ToString("N")[..4], Place = "别处" };
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        var outsider = await app.FirstOfAreaAsync("瑞鑫", skip: 41);
        var secretary = await app.SignedInAsync("caihong");
        // The antiforgery token of the sign-out form: a secretary has no add form to take one from.
        var token = (await secretary.GetPageAsync("/")).QuerySelector("header input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var add = await secretary.PostAsync($"/TemporaryBranches/Details/{caihong}?handler=Add",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["memberIds"] = outsider.ToString(), ["__RequestVerificationToken"] = token }));
        var elsewhere = await secretary.GetAsync($"/TemporaryBranches/Details/{other}");

        Assert.StartsWith("/Accounts/AccessDenied", add.Headers.Location!.AbsolutePath);
        Assert.False(await app.WithDbAsync(db => db.TemporaryBranchMemberships.AnyAsync(t => t.MemberId == outsider)));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}
