using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Doorstep.Features.Organizations;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Members;

/// <summary>
/// The create and edit pages and the API share one write path: the inputs that gave server errors
/// (issue 9) are refused the same way everywhere, with the field named in Chinese.
/// </summary>
[Collection(SharedApp.Name)]
public class WritePathTests(DoorstepApp app)
{
    private static int _serial;

    private async Task<int> ZhangqiaoBranchAsync() =>
        await app.WithDbAsync(db => db.OrgUnits.Where(u => u.ResidentialArea!.Name == "张桥").Select(u => u.Id).FirstAsync());

    /// <summary>An area of another sub-district, which no user of 嘉兴路街道 may put on a file.</summary>
    private Task<int> ForeignAreaAsync() => app.WithDbAsync(async db =>
    {
        if (await db.ResidentialAreas.Where(a => a.SubDistrict.Name == "外街道").Select(a => (int?)a.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        var area = new ResidentialArea { Name = "外区", SubDistrict = new SubDistrict { Name = "外街道", District = "外区", City = "上海市" } };
        db.ResidentialAreas.Add(area);
        await db.SaveChangesAsync();
        return area.Id;
    });

    private async Task<JsonObject> BodyAsync(string name)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(Interlocked.Increment(ref _serial));
        return new JsonObject
        {
            ["name"] = name,
            ["idNumber"] = IdNumbers.New(birth),
            ["birthDate"] = birth.ToString("yyyy-MM-dd"),
            ["orgUnitId"] = await ZhangqiaoBranchAsync(),
            ["gender"] = "Male",
            ["category"] = "Full",
            ["status"] = "Normal",
            ["joinedOn"] = "1975-07-01",
            ["fullMemberOn"] = "1976-07-01",
            ["careNeeds"] = new JsonArray(),
            ["version"] = 0,
        };
    }

    private static StringContent Json(JsonNode body, string contentType = "application/json") =>
        new(body.ToJsonString(), Encoding.UTF8, new System.Net.Http.Headers.MediaTypeHeaderValue(contentType.Split(';')[0]) { CharSet = contentType.Contains("charset=") ? contentType.Split("charset=")[1] : null });

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static TheoryData<string, string> BadValues() => new()
    {
        { "registeredAreaId", "-1" },
        { "registeredAreaId", "0" },
        { "residenceAreaId", "foreign" },
        { "gender", "12345" },
        { "gender", "-1" },
        { "category", "12345" },
        { "status", "12345" },
        { "status", "-1" },
    };

    private async Task<JsonNode> ValueAsync(string value) =>
        value == "foreign" ? JsonValue.Create(await ForeignAreaAsync()) : JsonValue.Create(int.Parse(value));

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task The_API_refuses_a_value_no_list_offers_with_400_naming_the_field(string field, string value)
    {
        var client = await app.SignedInAsync("zhangqiao");
        var body = await BodyAsync("接口越界值");
        body[field] = await ValueAsync(value);

        var problem = await ProblemAsync(await client.PostAsync("/api/v1/members", Json(body)), HttpStatusCode.BadRequest);

        Assert.Matches("[\u4e00-\u9fff]", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "接口越界值")));
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task An_API_update_refuses_a_value_no_list_offers_and_keeps_the_file(string field, string value)
    {
        var client = await app.SignedInAsync("zhangqiao");
        var created = await (await client.PostAsync("/api/v1/members", Json(await BodyAsync("接口修改越界")))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var body = JsonNode.Parse(created.GetRawText())!.AsObject();
        body[field] = await ValueAsync(value);

        var problem = await ProblemAsync(await client.PutAsync($"/api/v1/members/{id}", Json(body)), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.Members.Where(m => m.Id == id).Select(m => m.Version).SingleAsync()));
    }

    [Theory]
    [InlineData("Input.RegisteredAreaId", "-1")]
    [InlineData("Input.RegisteredAreaId", "0")]
    [InlineData("Input.ResidenceAreaId", "foreign")]
    [InlineData("Input.Gender", "12345")]
    [InlineData("Input.Category", "12345")]
    [InlineData("Input.Status", "-1")]
    public async Task The_create_and_edit_pages_refuse_a_value_no_list_offers_at_its_field(string field, string value)
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var posted = value == "foreign" ? (await ForeignAreaAsync()).ToString() : value;
        var birth = new DateOnly(1951, 1, 1).AddDays(Interlocked.Increment(ref _serial));
        var createForm = Forms.FieldsOf(await cadre.GetPageAsync("/Members/Create"))
            .With("Input.Name", "表单越界值").With("Input.IdNumber", IdNumbers.New(birth)).With("Input.BirthDate", birth.ToString("yyyy-MM-dd"))
            .With("Input.OrgUnitId", (await ZhangqiaoBranchAsync()).ToString()).With(field, posted);
        var id = await app.FirstOfAreaAsync("张桥", skip: 14);
        var editForm = Forms.FieldsOf(await cadre.GetPageAsync($"/Members/Edit/{id}")).With(field, posted);

        var create = await cadre.PostFormAsync("/Members/Create", createForm);
        var edit = await cadre.PostFormAsync($"/Members/Edit/{id}", editForm);

        foreach (var response in new[] { create, edit })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Matches("[\u4e00-\u9fff]", (await response.ReadHtmlAsync()).QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        }

        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "表单越界值")));
    }

    [Fact]
    public async Task Care_needs_sent_as_null_mean_none()
    {
        var client = await app.SignedInAsync("zhangqiao");
        var body = await BodyAsync("关怀为空");
        body["careNeeds"] = null;

        var response = await client.PostAsync("/api/v1/members", Json(body));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("careNeeds").GetArrayLength());
    }

    [Theory]
    [InlineData("birthDate", "1950-13-01", "出生日期")]
    [InlineData("joinedOn", "去年", "入党日期")]
    [InlineData("gender", "Unknown", "性别")]
    [InlineData("careNeeds", "[\"Bogus\"]", "关怀需求")]
    [InlineData("registeredAreaId", "\"张桥\"", "户籍所在居民区")]
    public async Task A_value_that_cannot_be_read_is_400_naming_the_field_in_Chinese(string field, string value, string label)
    {
        var client = await app.SignedInAsync("zhangqiao");
        var body = await BodyAsync("读不懂");
        body[field] = value.StartsWith('[') || value.StartsWith('"') ? JsonNode.Parse(value) : value;

        var problem = await ProblemAsync(await client.PostAsync("/api/v1/members", Json(body)), HttpStatusCode.BadRequest);

        Assert.Contains(label, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Malformed_JSON_is_400_in_Chinese()
    {
        var client = await app.SignedInAsync("zhangqiao");

        var problem = await ProblemAsync(await client.PostAsync("/api/v1/members", new StringContent("{\"name\": ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Matches("[\u4e00-\u9fff]", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("application/json; charset=gbk")]
    [InlineData("text/plain")]
    public async Task A_body_that_is_not_JSON_in_UTF8_is_415_in_Chinese(string contentType)
    {
        var client = await app.SignedInAsync("zhangqiao");

        var problem = await ProblemAsync(await client.PostAsync("/api/v1/members", Json(await BodyAsync("编码不对"), contentType)), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("sort=-1", "sort")]
    [InlineData("status=12345", "status")]
    [InlineData("sort=Sideways", "sort")]
    [InlineData("minAge=old", "minAge")]
    [InlineData("page=0", "page")]
    public async Task The_list_API_refuses_a_filter_it_cannot_read_with_400_naming_it(string query, string field)
    {
        var client = await app.SignedInAsync("zhangqiao");

        var problem = await ProblemAsync(await client.GetAsync("/api/v1/members?" + query), HttpStatusCode.BadRequest);

        Assert.Matches("[\u4e00-\u9fff]", problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task The_list_page_ignores_an_order_no_list_offers()
    {
        var client = await app.SignedInAsync("zhangqiao");

        var response = await client.GetAsync("/Members?sort=-1&status=12345");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task API_refusals_are_Chinese_problem_details_never_empty_or_HTML()
    {
        var anonymous = app.NewClient();
        var reader = await app.SignedInAsync("caihong");
        var cadre = await app.SignedInAsync("zhangqiao");
        var id = await app.FirstOfAreaAsync("张桥", skip: 15);

        var unauthorized = await anonymous.PutAsync($"/api/v1/members/{id}", Json(await BodyAsync("未登录")));
        var forbidden = await reader.PutAsync($"/api/v1/members/{id}", Json(await BodyAsync("无权")));
        var wrongMethod = await cadre.DeleteAsync($"/api/v1/members/{id}");

        (await ProblemAsync(unauthorized, HttpStatusCode.Unauthorized)).GetProperty("title").GetString();
        (await ProblemAsync(forbidden, HttpStatusCode.Forbidden)).GetProperty("title").GetString();
        Assert.Equal("请求方式不正确", (await ProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed)).GetProperty("title").GetString());
    }
}
