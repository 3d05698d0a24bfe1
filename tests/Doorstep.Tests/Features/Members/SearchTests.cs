using System.Net.Http.Json;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Members;

[Collection(SharedApp.Name)]
public class SearchTests(DoorstepApp app)
{
    private async Task<string[]> NamesFoundBy(string user, string query)
    {
        var client = await app.SignedInAsync(user);
        var page = await client.GetPageAsync("/Members" + query);
        return page.QuerySelectorAll(".cards .name").Select(n => n.TextContent).ToArray();
    }

    [Fact]
    public async Task Pinyin_initials_find_a_member_by_name()
    {
        Assert.Contains("吴德勤", await NamesFoundBy("ruixin", "?q=wdq"));
    }

    [Fact]
    public async Task Part_of_a_name_finds_the_member()
    {
        Assert.Contains("吴德勤", await NamesFoundBy("admin", "?q=德勤"));
    }

    [Fact]
    public async Task The_last_four_of_the_ID_number_and_the_whole_number_in_full_width_find_the_member()
    {
        var (id, plain) = await app.WithDbAsync(async db =>
        {
            var m = await db.Members.Where(x => x.Name == "杨莺芳").Select(x => new { x.Id, x.IdNumberCipher }).SingleAsync();
            return (m.Id, app.Services.GetRequiredService<PersonalDataProtector>().Decrypt(m.IdNumberCipher));
        });
        var fullWidth = new string(plain.Select(c => (char)(c + 0xFEE0)).ToArray());

        var client = await app.SignedInAsync("zhangqiao");
        var byTail = await client.GetFromJsonAsync<ListResponse>($"/api/v1/members?q={plain[^4..]}");
        var byWhole = await client.GetFromJsonAsync<ListResponse>($"/api/v1/members?q={Uri.EscapeDataString(fullWidth)}");

        Assert.Contains(byTail!.Items, m => m.Id == id);
        Assert.Equal([id], byWhole!.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task Filters_combine_age_care_needs_and_living_away_from_registration()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var expected = await app.WithDbAsync(db => db.Members
            .Where(m => m.OrgUnit.ResidentialArea!.Name == "张桥")
            .Select(m => new { m.BirthDate, m.CareNeeds }).ToListAsync());
        var count = expected.Count(m => Member.AgeOn(m.BirthDate, today) >= 80 && m.CareNeeds.HasFlag(CareNeeds.LowVision));

        var client = await app.SignedInAsync("zhangqiao");
        var page = await client.GetPageAsync("/Members?minAge=80&need=LowVision");

        Assert.Contains($"共 {count} 人", page.QuerySelector(".count")!.TextContent);
        Assert.True(count > 0);
    }

    [Fact]
    public async Task Sorting_by_age_puts_the_oldest_first()
    {
        var client = await app.SignedInAsync("admin");

        var result = await client.GetFromJsonAsync<ListResponse>("/api/v1/members?sort=AgeDescending");

        var births = result!.Items.Select(i => i.BirthDate).ToList();
        Assert.Equal(births.Order().ToList(), births);
    }

    [Fact]
    public async Task The_filter_is_kept_in_the_page_links()
    {
        var client = await app.SignedInAsync("admin");

        var page = await client.GetPageAsync("/Members?minAge=75&livesElsewhere=true");

        var next = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        Assert.Equal("/Members?minAge=75&livesElsewhere=true&page=2", next);
    }

    [Fact]
    public async Task The_second_page_shows_the_next_members()
    {
        var client = await app.SignedInAsync("admin");

        var first = (await client.GetPageAsync("/Members")).QuerySelectorAll(".cards a").Select(a => a.GetAttribute("href")).ToList();
        var second = (await client.GetPageAsync("/Members?page=2")).QuerySelectorAll(".cards a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(20, second.Count);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public async Task Each_card_leads_to_its_file_and_the_chosen_filters_stay_selected()
    {
        var client = await app.SignedInAsync("admin");
        var area = await app.WithDbAsync(db => db.ResidentialAreas.Where(a => a.Name == "张桥").Select(a => a.Id).SingleAsync());

        var page = await client.GetPageAsync($"/Members?areaId={area}&need=LowVision&sort=AgeDescending");

        var cards = page.QuerySelectorAll(".cards a.card-link").ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.Matches("^/Members/Details/[0-9]+$", c.GetAttribute("href")));
        var file = await client.GetPageAsync(cards[^1].GetAttribute("href")!);
        Assert.Equal(cards[^1].QuerySelector(".name")!.TextContent, file.QuerySelector("h1")!.TextContent.Trim());

        Assert.Equal(area.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#areaId option[selected]")?.GetAttribute("value"));
        Assert.Equal("LowVision", page.QuerySelector("#need option[selected]")?.GetAttribute("value"));
        Assert.Equal("AgeDescending", page.QuerySelector("#sort option[selected]")?.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("#status option[selected]"));
    }

    private sealed record ListResponse(int Total, List<Row> Items);

    private sealed record Row(int Id, string Name, DateOnly BirthDate);
}
