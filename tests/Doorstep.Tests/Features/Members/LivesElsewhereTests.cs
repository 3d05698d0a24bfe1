using System.Net;
using Doorstep.Features.Members;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Members;

[Collection(SharedApp.Name)]
public class LivesElsewhereTests(DoorstepApp app)
{
    [Fact]
    public async Task The_admin_sees_counts_per_area_both_by_registration_and_by_residence()
    {
        var expected = await app.WithDbAsync(async db =>
        {
            var apart = db.Members.Where(Member.LivesElsewhereRule)
                .Where(m => m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut);
            return new
            {
                Total = await apart.CountAsync(),
                RegisteredInRuixin = await apart.CountAsync(m => m.RegisteredArea!.Name == "瑞鑫"),
                LivingInRuixin = await apart.CountAsync(m => m.ResidenceArea!.Name == "瑞鑫"),
            };
        });
        var admin = await app.SignedInAsync("admin");

        var page = await admin.GetPageAsync("/Members/LivesElsewhere");

        Assert.Contains($"共 {expected.Total} 人", page.QuerySelector(".lead")!.TextContent);
        var ruixin = page.QuerySelectorAll("table.counts tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "瑞鑫");
        Assert.Equal([expected.RegisteredInRuixin.ToString(), expected.LivingInRuixin.ToString()],
            ruixin.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.True(expected.Total > 100, "the demo has a real share of members living apart");
    }

    [Fact]
    public async Task The_cadre_of_the_area_where_a_member_lives_sees_a_visit_card_but_not_the_file()
    {
        var resident = await app.WithDbAsync(db => db.Members
            .Where(m => m.ResidenceArea!.Name == "瑞鑫" && m.OrgUnit.ResidentialArea!.Name != "瑞鑫" && m.Status == MemberStatus.Normal)
            .Select(m => new { m.Id, m.Name, m.IdNumberTail, m.ResidenceAddress }).FirstAsync());
        var cadre = await app.SignedInAsync("ruixin");

        var page = await cadre.GetAsync("/Members/LivesElsewhere");
        var html = await page.Content.ReadAsStringAsync();
        var list = await page.ReadHtmlAsync();
        var file = await cadre.GetAsync($"/Members/Details/{resident.Id}");

        var card = list.QuerySelectorAll("#residents ~ ul.cards li").SingleOrDefault(li => li.QuerySelector(".name")!.TextContent == resident.Name);
        var pages = list.QuerySelector(".pager") is not null;
        Assert.True(card is not null || pages, "the resident is listed (or on a later page)");
        Assert.DoesNotContain("**************" + resident.IdNumberTail, html);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_where_members_live()
    {
        var ruixinArea = await app.WithDbAsync(db => db.ResidentialAreas.Where(a => a.Name == "瑞鑫").Select(a => a.Id).SingleAsync());
        var expected = await app.WithDbAsync(db => db.Members.Where(Member.LivesElsewhereRule).CountAsync(m => m.ResidenceAreaId == ruixinArea));
        var admin = await app.SignedInAsync("admin");

        var page = await admin.GetPageAsync($"/Members?livesElsewhere=true&residenceAreaId={ruixinArea}");

        Assert.Contains($"共 {expected} 人", page.QuerySelector(".count")!.TextContent);
    }
}
