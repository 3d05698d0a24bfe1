using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Doorstep.Features.Listening;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Listening;

/// <summary>What the listening tests do the way a cadre and a card holder would.</summary>
public static partial class ListeningSteps
{
    /// <summary>Issues a card on the member's page and reads its address off the printed sheet.</summary>
    public static async Task<string> IssueCardAsync(this HttpClient staff, int memberId)
    {
        var response = await staff.PostFormAsync($"/Listening/Cards/Member/{memberId}", [], $"/Listening/Cards/Member/{memberId}?handler=Issue");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = await response.Content.ReadAsStringAsync();
        Assert.Contains("<svg", sheet, StringComparison.Ordinal);
        return new Uri(CardUrl().Match(sheet).Groups[1].Value).AbsolutePath;
    }

    public static async Task<HttpResponseMessage> SaveProgressAsync(this HttpClient holder, string shelf, int chapterId, double position, int listened, bool completed = false) =>
        await holder.PostAsJsonAsync($"{shelf}/chapters/{chapterId}?handler=Progress", new { position, listened, completed });

    public static Task<int> DemoChapterAsync(this DoorstepApp app, string book, int number) =>
        app.WithDbAsync(db => db.StudyChapters.Where(c => c.Book.Title == book && c.Number == number).Select(c => c.Id).FirstAsync());

    [GeneratedRegex("<p class=\"url\">([^<]+)</p>")]
    private static partial Regex CardUrl();
}
