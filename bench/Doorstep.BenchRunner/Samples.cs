using System.Net.Http.Json;

namespace Doorstep.BenchRunner;

/// <summary>Names and member ids in the admin's scope, read through the members API, for the load to rotate through.</summary>
internal sealed record Samples(IReadOnlyList<string> Names, IReadOnlyList<int> MemberIds, int Total)
{
    private sealed record ListPage(int Total, int Page, int PageSize, IReadOnlyList<Row> Items);

    private sealed record Row(int Id, string Name);

    /// <summary>Twenty pages spread over the whole (name-ordered) list, so that names from every initial are asked for.</summary>
    public static async Task<Samples> ReadAsync(StaffSession admin)
    {
        var first = await PageAsync(admin, 1);
        var lastPage = Math.Max(1, (first.Total + first.PageSize - 1) / first.PageSize);
        var rows = new List<Row>(first.Items);
        foreach (var page in Enumerable.Range(1, 19).Select(k => 1 + (long)k * (lastPage - 1) / 19).Distinct().Where(p => p > 1))
        {
            rows.AddRange((await PageAsync(admin, (int)page)).Items);
        }

        return new Samples(rows.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList(), rows.Select(r => r.Id).Distinct().ToList(), first.Total);
    }

    /// <summary>How many members the admin's list holds with this query string (the API answers with the total).</summary>
    public static async Task<int> CountAsync(StaffSession admin, string query) =>
        (await admin.Client.GetFromJsonAsync<ListPage>("/api/v1/members" + query, ResultFiles.Json))!.Total;

    private static async Task<ListPage> PageAsync(StaffSession admin, int page) =>
        (await admin.Client.GetFromJsonAsync<ListPage>($"/api/v1/members?page={page}", ResultFiles.Json))!;
}
