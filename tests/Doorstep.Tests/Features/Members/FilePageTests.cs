using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Doorstep.Features.Members;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Members;

[Collection(SharedApp.Name)]
public class FilePageTests(DoorstepApp app)
{
    [Fact]
    public async Task A_file_holding_values_no_list_offers_still_opens_everywhere()
    {
        var id = await app.FirstOfAreaAsync("张桥", skip: 16);
        var name = await app.WithDbAsync(async db =>
        {
            await db.Members.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Gender, (Gender)12345)
                .SetProperty(m => m.Category, (MemberCategory)(-1))
                .SetProperty(m => m.Status, (MemberStatus)12345)
                .SetProperty(m => m.CareNeeds, (CareNeeds)1025));
            return await db.Members.Where(m => m.Id == id).Select(m => m.Name).SingleAsync();
        });
        var cadre = await app.SignedInAsync("zhangqiao");

        var file = await cadre.GetAsync($"/Members/Details/{id}");
        var edit = await cadre.GetAsync($"/Members/Edit/{id}");
        var list = await cadre.GetAsync("/Members?q=" + Uri.EscapeDataString(name));
        var api = await cadre.GetAsync($"/api/v1/members/{id}");
        var export = await cadre.GetAsync("/Members/Export?q=" + Uri.EscapeDataString(name));

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("未知（12345）", await file.Content.ReadAsStringAsync());
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { edit.StatusCode, list.StatusCode, api.StatusCode, export.StatusCode });
    }

    [Fact]
    public async Task Line_breaks_in_the_notes_are_kept_and_shown_on_the_file_page()
    {
        var id = await app.FirstOfAreaAsync("张桥", skip: 17);
        var cadre = await app.SignedInAsync("zhangqiao");
        var form = Forms.FieldsOf(await cadre.GetPageAsync($"/Members/Edit/{id}")).With("Input.Notes", "3月2日 上门送学\r\n女儿电话见纸质档案\r\n\r\n 腿脚不便 ");

        await cadre.PostFormAsync($"/Members/Edit/{id}", form);

        Assert.Equal("3月2日 上门送学\n女儿电话见纸质档案\n\n腿脚不便", await app.WithDbAsync(db => db.Members.Where(m => m.Id == id).Select(m => m.Notes).SingleAsync()));
        var notes = (await cadre.GetPageAsync($"/Members/Details/{id}")).QuerySelector("dd.notes")!;
        Assert.Equal("3月2日 上门送学<br>女儿电话见纸质档案<br><br>腿脚不便", notes.InnerHtml);
        var edit = await cadre.GetPageAsync($"/Members/Edit/{id}");
        Assert.Equal("3月2日 上门送学\n女儿电话见纸质档案\n\n腿脚不便", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)edit.QuerySelector("textarea[name='Input.Notes']")!).Value);
    }

    [Fact]
    public async Task A_revealed_phone_is_a_tap_to_call_link()
    {
        var birth = new DateOnly(1944, 4, 14);
        var cadre = await app.SignedInAsync("zhangqiao");
        var branch = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.ResidentialArea!.Name == "张桥").Select(u => u.Id).FirstAsync());
        var created = await cadre.PostAsJsonAsync("/api/v1/members", new
        {
            name = "拨号甲",
            idNumber = IdNumbers.New(birth),
            birthDate = birth,
            orgUnitId = branch,
            phone = "139 1234 5678",
            gender = "Male",
            category = "Full",
            status = "Normal",
            joinedOn = "1970-07-01",
            fullMemberOn = "1971-07-01",
            version = 0,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var response = await cadre.PostFormAsync($"/Members/Details/{id}", new Dictionary<string, string> { ["field"] = "Phone" },
            formAction: $"/Members/Details/{id}?handler=Reveal");

        var link = (await response.ReadHtmlAsync()).QuerySelector("a[href^='tel:']");
        Assert.Equal("tel:13912345678", link?.GetAttribute("href"));
        Assert.Equal("13912345678", link!.TextContent);
    }
}
