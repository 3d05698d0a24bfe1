using System.Net.Http.Json;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Members;

/// <summary>The list as it opens comes from compiled queries (OpeningList); it must list what the scope holds, as the composed list did.</summary>
[Collection(SharedApp.Name)]
public class OpeningListTests(DoorstepApp app)
{
    [Theory]
    [InlineData("zhangqiao")]
    [InlineData("admin")]
    public async Task The_opening_list_pages_through_every_member_in_scope_once_in_name_order(string user)
    {
        var client = await app.SignedInAsync(user);
        var first = (await client.GetFromJsonAsync<ListResponse>("/api/v1/members"))!;
        var listed = first.Items.Select(i => i.Id).ToList();
        for (var page = 2; page <= (first.Total + 19) / 20; page++)
        {
            listed.AddRange((await client.GetFromJsonAsync<ListResponse>($"/api/v1/members?page={page}"))!.Items.Select(i => i.Id));
        }

        var expected = await app.WithDbAsync(db => db.Members
            .Where(m => user == "admin" ? db.SubDistricts.Any(s => s.Id == m.SubDistrictId && s.Name == "嘉兴路街道") : m.OrgUnit.ResidentialArea!.Name == "张桥")
            .OrderBy(m => m.NamePinyin).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => m.Id).ToListAsync());
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(expected, listed);
    }

    private sealed record ListResponse(int Total, List<Row> Items);

    private sealed record Row(int Id);
}
