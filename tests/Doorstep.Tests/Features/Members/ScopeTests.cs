using System.Net;
using System.Net.Http.Json;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Members;

/// <summary>The data scope is applied in one place; these prove no route reaches past it.</summary>
[Collection(SharedApp.Name)]
public class ScopeTests(DoorstepApp app)
{
    [Fact]
    public async Task A_Zhangqiao_cadre_gets_404_for_a_Ruixin_member_on_every_route()
    {
        var ruixinMember = await app.FirstOfAreaAsync("瑞鑫", skip: 5);
        var cadre = await app.SignedInAsync("zhangqiao");

        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/Members/Details/{ruixinMember}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/Members/Edit/{ruixinMember}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cadre.GetAsync($"/api/v1/members/{ruixinMember}")).StatusCode);
    }

    [Fact]
    public async Task A_Zhangqiao_cadre_cannot_change_a_Ruixin_member_by_posting_to_a_guessed_ID()
    {
        var ruixinMember = await app.FirstOfAreaAsync("瑞鑫", skip: 6);
        var ownMember = await app.FirstOfAreaAsync("张桥", skip: 6);
        var cadre = await app.SignedInAsync("zhangqiao");
        var form = Forms.FieldsOf(await cadre.GetPageAsync($"/Members/Edit/{ownMember}")).With("Input.Name", "被篡改");

        var response = await cadre.PostFormAsync($"/Members/Edit/{ownMember}", form, formAction: $"/Members/Edit/{ruixinMember}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var name = await app.WithDbAsync(db => db.Members.Where(m => m.Id == ruixinMember).Select(m => m.Name).SingleAsync());
        Assert.NotEqual("被篡改", name);
    }

    [Fact]
    public async Task The_member_list_and_API_of_an_area_cadre_hold_only_members_of_that_area()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var expected = await app.WithDbAsync(db => db.Members.CountAsync(m => m.OrgUnit.ResidentialArea!.Name == "张桥"));

        var list = await cadre.GetPageAsync("/Members");
        var api = await cadre.GetFromJsonAsync<ListResponse>("/api/v1/members");

        Assert.Contains($"共 {expected} 人", list.QuerySelector(".count")!.TextContent);
        Assert.Equal(expected, api!.Total);
        var areas = await app.WithDbAsync(db => db.Members
            .Where(m => api.Items.Select(i => i.Id).Contains(m.Id))
            .Select(m => m.OrgUnit.ResidentialArea!.Name).Distinct().ToListAsync());
        Assert.Equal(["张桥"], areas);
    }

    [Fact]
    public async Task A_temporary_branch_secretary_sees_exactly_the_branch_members()
    {
        var secretary = await app.SignedInAsync("caihong");

        var api = await secretary.GetFromJsonAsync<ListResponse>("/api/v1/members");

        Assert.Equal(20, api!.Total);
        Assert.Contains(api.Items, m => m.Name == "周菊妹");
    }

    [Fact]
    public async Task Anonymous_API_calls_get_401_not_the_sign_in_page()
    {
        var response = await app.NewClient().GetAsync("/api/v1/members");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed record ListResponse(int Total, List<Row> Items);

    private sealed record Row(int Id, string Name);
}
