using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Features.Members;

[Collection(SharedApp.Name)]
public class MembersApiTests(DoorstepApp app)
{
    private static object Body(string name, string idNumber, DateOnly birth, int orgUnitId, int version = 0, string? notes = null) => new
    {
        name,
        idNumber,
        birthDate = birth,
        orgUnitId,
        version,
        notes,
        ethnicity = "汉族",
        gender = "Female",
        category = "Full",
        joinedOn = "1975-07-01",
        fullMemberOn = "1976-07-01",
        careNeeds = new[] { "LowVision" },
        status = "Normal",
    };

    private async Task<int> ZhangqiaoBranchAsync() =>
        await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.OrgUnits.Where(u => u.ResidentialArea!.Name == "张桥").Select(u => u.Id)));

    [Fact]
    public async Task Create_then_update_then_a_stale_update_is_refused_with_409()
    {
        var birth = new DateOnly(1952, 4, 4);
        var branch = await ZhangqiaoBranchAsync();
        var client = await app.SignedInAsync("zhangqiao");

        var created = await client.PostAsJsonAsync("/api/v1/members", Body("接口甲", IdNumbers.New(birth, male: false), birth, branch));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var member = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = member.GetProperty("id").GetInt32();
        Assert.StartsWith("**************", member.GetProperty("idNumberMasked").GetString());
        Assert.Equal("LowVision", member.GetProperty("careNeeds")[0].GetString());

        var updated = await client.PutAsJsonAsync($"/api/v1/members/{id}", Body("接口甲", "", birth, branch, version: 0, notes: "第一次修改"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/v1/members/{id}", Body("接口甲", "", birth, branch, version: 0, notes: "过期的修改"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("备注：（空） → 第一次修改", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_file_the_admin_creates_under_an_areas_branch_is_found_by_that_area_cadre_only()
    {
        var birth = new DateOnly(1949, 9, 9);
        var branch = await ZhangqiaoBranchAsync();
        var admin = await app.SignedInAsync("admin");
        async Task<int> FoundBy(string cadre) =>
            (await (await app.SignedInAsync(cadre)).GetFromJsonAsync<JsonElement>("/api/v1/members?q=" + Uri.EscapeDataString("建档乙"))).GetProperty("total").GetInt32();

        var created = await admin.PostAsJsonAsync("/api/v1/members", Body("建档乙", IdNumbers.New(birth, male: false), birth, branch));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((1, 0), (await FoundBy("zhangqiao"), await FoundBy("ruixin")));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var (unitArea, fileArea) = await app.WithDbAsync(async db => (
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.OrgUnits.Where(u => u.Id == branch).Select(u => u.ResidentialAreaId)),
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Members.Where(m => m.Id == id).Select(m => m.OrgUnitAreaId))));
        Assert.Equal(unitArea, fileArea);
    }

    [Fact]
    public async Task Invalid_fields_are_answered_with_400_and_Chinese_messages_per_field()
    {
        var client = await app.SignedInAsync("zhangqiao");

        var response = await client.PostAsJsonAsync("/api/v1/members", Body("", "123", new DateOnly(1950, 1, 1), await ZhangqiaoBranchAsync()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("请填写姓名。", errors.GetProperty("name")[0].GetString());
        Assert.Equal("身份证号应为18位，现在是3位。", errors.GetProperty("idNumber")[0].GetString());
    }

    [Fact]
    public async Task The_API_refuses_writes_outside_the_scope_and_from_read_only_roles()
    {
        var birth = new DateOnly(1953, 5, 5);
        var branch = await ZhangqiaoBranchAsync();
        var ruixin = await app.SignedInAsync("ruixin");
        var caihong = await app.SignedInAsync("caihong");

        var outside = await ruixin.PostAsJsonAsync("/api/v1/members", Body("越界乙", IdNumbers.New(birth), birth, branch));
        var readOnly = await caihong.PostAsJsonAsync("/api/v1/members", Body("越界丙", IdNumbers.New(birth), birth, branch));

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_members_API()
    {
        var client = await app.SignedInAsync("admin");

        var document = await client.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/members/{id}", out _));
    }
}
