using System.Net;
using System.Net.Http.Json;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Members;

/// <summary>The member form's rules as a person meets them: every problem at once, landlines, hidden characters.</summary>
[Collection(SharedApp.Name)]
public class InputRulesTests(DoorstepApp app)
{
    private PersonalDataProtector Protector => app.Services.GetRequiredService<PersonalDataProtector>();

    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string name, string idNumber, DateOnly birth)
    {
        var page = await client.GetPageAsync("/Members/Create");
        var branch = page.QuerySelectorAll("#Input_OrgUnitId option").Skip(1).First().GetAttribute("value")!;
        return Forms.FieldsOf(page).With("Input.Name", name).With("Input.IdNumber", idNumber).With("Input.BirthDate", birth.ToString("yyyy-MM-dd"))
            .With("Input.OrgUnitId", branch).With("Input.JoinedOn", "1970-07-01").With("Input.FullMemberOn", "1971-07-01");
    }

    [Fact]
    public async Task A_wrong_phone_does_not_hide_that_the_birth_date_disagrees_with_the_ID_number_or_that_转正_precedes_入党()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var id = IdNumbers.New(new DateOnly(1950, 1, 2));
        var form = (await FormAsync(cadre, "全报甲", id, new DateOnly(1950, 1, 3)))
            .With("Input.Phone", "12345").With("Input.JoinedOn", "1975-07-01").With("Input.FullMemberOn", "1974-07-01");

        var page = await (await cadre.PostFormAsync("/Members/Create", form)).ReadHtmlAsync();

        Assert.Contains("电话号码应为", page.QuerySelector("[data-valmsg-for='Input.Phone']")?.TextContent);
        Assert.Equal("身份证号中的出生日期是1950年1月2日，与填写的出生日期不一致。", page.QuerySelector("[data-valmsg-for='Input.IdNumber']")?.TextContent);
        Assert.Equal("转正日期应在入党日期之后、今天之前。", page.QuerySelector("[data-valmsg-for='Input.FullMemberOn']")?.TextContent);
    }

    [Fact]
    public async Task A_landline_with_an_extension_is_kept_masked_with_its_area_code_found_however_typed_and_dialled_from_the_file()
    {
        var birth = new DateOnly(1939, 9, 9);
        var cadre = await app.SignedInAsync("zhangqiao");
        var form = (await FormAsync(cadre, "座机甲", IdNumbers.New(birth), birth)).With("Input.Phone", "（021）6543 1299 转 12");

        var response = await cadre.PostFormAsync("/Members/Create", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var member = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Name == "座机甲"));
        Assert.Equal("021-65431299-12", Protector.Decrypt(member.PhoneCipher!));
        Assert.Equal(Protector.Hash("02165431299"), member.PhoneHash);
        var details = await cadre.GetPageAsync($"/Members/Details/{member.Id}");
        Assert.Contains("021-****1299", details.QuerySelector("main")!.TextContent);
        var found = await cadre.GetPageAsync("/Members?q=021-65431299");
        Assert.Contains("座机甲", found.QuerySelectorAll(".cards .name").Select(n => n.TextContent));
        var revealed = await (await cadre.PostFormAsync($"/Members/Details/{member.Id}", [new("field", "Phone")], $"/Members/Details/{member.Id}?handler=Reveal")).ReadHtmlAsync();
        Assert.Equal("tel:02165431299,12", revealed.QuerySelector("a[href^='tel:']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_name_with_a_right_to_left_override_or_a_control_character_is_refused()
    {
        var birth = new DateOnly(1944, 4, 4);
        var cadre = await app.SignedInAsync("zhangqiao");

        var overridden = await (await cadre.PostFormAsync("/Members/Create", await FormAsync(cadre, "王\u202E芳", IdNumbers.New(birth), birth))).ReadHtmlAsync();
        var control = await (await cadre.PostFormAsync("/Members/Create", await FormAsync(cadre, "李\u0007明", IdNumbers.New(birth), birth))).ReadHtmlAsync();

        Assert.Contains("看不见的控制字符（U+202E）", overridden.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent);
        Assert.Contains("看不见的控制字符（U+0007）", control.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "王\u202E芳" || m.Name == "李\u0007明")));
    }

    [Fact]
    public async Task The_API_refuses_a_name_with_a_right_to_left_override_and_takes_a_landline()
    {
        var birth = new DateOnly(1946, 6, 6);
        var branch = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.ResidentialArea!.Name == "张桥").Select(u => u.Id).FirstAsync());
        var client = await app.SignedInAsync("zhangqiao");
        object Body(string name, string phone) => new
        {
            name,
            phone,
            idNumber = IdNumbers.New(birth, male: false),
            birthDate = birth,
            orgUnitId = branch,
            ethnicity = "汉族",
            gender = "Female",
            category = "Full",
            joinedOn = "1975-07-01",
            fullMemberOn = "1976-07-01",
            status = "Normal",
        };

        var refused = await client.PostAsJsonAsync("/api/v1/members", Body("接口\u202E乙", "13800138000"));
        var created = await client.PostAsJsonAsync("/api/v1/members", Body("接口座机", "0571-87654321"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("U+202E", (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("0571-****4321", (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("phoneMasked").GetString());
    }
}
