using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Members;

[Collection(SharedApp.Name)]
public class PinyinOrderTests(DoorstepApp app)
{
    [Fact]
    public async Task The_list_by_name_is_in_full_pinyin_order_not_by_initials_alone()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var branch = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.ResidentialArea!.Name == "张桥").Select(u => u.Id).FirstAsync());
        var birth = new DateOnly(1920, 2, 2);
        foreach (var name in new[] { "王芳", "万刚", "王安" })
        {
            var created = await cadre.PostAsJsonAsync("/api/v1/members", new
            {
                name,
                idNumber = IdNumbers.New(birth),
                birthDate = birth,
                orgUnitId = branch,
                gender = "Male",
                category = "Full",
                status = "Normal",
                joinedOn = "1945-07-01",
                fullMemberOn = "1946-07-01",
                version = 0,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var list = await cadre.GetFromJsonAsync<JsonElement>("/api/v1/members?minAge=105");
        var names = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Where(n => n is "王芳" or "万刚" or "王安").ToList();

        Assert.Equal(["万刚", "王安", "王芳"], names);
    }

    [Theory]
    [InlineData("王芳", "wang0fang0")]
    [InlineData("曾国藩", "zeng0guo0fan0")]
    [InlineData("阿依古丽·买买提", "a0yi0gu0li0mai0mai0ti0")]
    [InlineData("Mary王", "mary0wang0")]
    public void The_sort_key_is_the_full_pinyin_syllable_by_syllable(string name, string key) => Assert.Equal(key, Pinyin.SortKey(name));

    [Fact]
    public async Task A_search_by_initials_still_finds_the_name() =>
        Assert.Contains("吴德勤", (await (await app.SignedInAsync("admin")).GetPageAsync("/Members?q=wdq")).QuerySelectorAll(".cards .name").Select(n => n.TextContent));
}
