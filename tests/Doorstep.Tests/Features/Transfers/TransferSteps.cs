using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Doorstep.Features.Organizations;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Transfers;

/// <summary>Arranging transfers the way users make them: members created through the API, steps posted from the pages.</summary>
internal static class TransferSteps
{
    private static int _members;

    public static Task<int> BranchOfAsync(this DoorstepApp app, string area, int skip = 0) =>
        app.WithDbAsync(db => db.OrgUnits
            .Where(u => u.ResidentialArea!.Name == area && u.Kind == OrgUnitKind.Branch)
            .OrderBy(u => u.Id).Skip(skip).Select(u => u.Id).FirstAsync());

    /// <summary>A new member of the area's first branch, created by the admin; returns the file's id and ID number.</summary>
    public static async Task<(int Id, string IdNumber)> NewMemberAsync(this DoorstepApp app, string area, string name, string status = "Normal")
    {
        // A birth date of its own per member: IdNumbers.New repeats a number for two men born the same day.
        var birth = new DateOnly(1948, 3, 15).AddDays(Interlocked.Increment(ref _members));
        var idNumber = IdNumbers.New(birth);
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/members", new
        {
            name,
            idNumber,
            birthDate = birth,
            orgUnitId = await app.BranchOfAsync(area),
            ethnicity = "汉族",
            gender = "Male",
            category = "Full",
            joinedOn = "1970-07-01",
            fullMemberOn = "1971-07-01",
            status,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), idNumber);
    }

    /// <summary>Posts the apply form for a member; a redirect carries the new transfer's id.</summary>
    public static Task<HttpResponseMessage> ApplyAsync(this HttpClient client, int memberId, string kind, int? toOrgUnitId = null,
        string? otherParty = null, string? letterNumber = null) =>
        client.PostFormAsync("/Transfers/ApplyInbound", new Dictionary<string, string>
        {
            ["Input.Kind"] = kind,
            ["Input.ToOrgUnitId"] = toOrgUnitId?.ToString() ?? "",
            ["Input.OtherParty"] = otherParty ?? "",
            ["Input.LetterNumber"] = letterNumber ?? "",
            ["Input.Contact"] = "李书记 13900000000",
            ["Input.Reason"] = "搬家",
        }, formAction: $"/Transfers/Apply/{memberId}");

    public static int TransferId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Transfers/Details/", location);
        return int.Parse(location["/Transfers/Details/".Length..]);
    }

    /// <summary>
    /// Takes a step (Approve, Accept, Complete, Return) as a browser would: with the version the
    /// details page shows. The antiforgery token comes from a form every handler of transfers has, so
    /// a step can also be posted to a transfer the user cannot open (a guessed ID).
    /// </summary>
    public static async Task<HttpResponseMessage> StepAsync(this HttpClient client, int transferId, string handler, string? reason = null)
    {
        var details = await client.GetAsync($"/Transfers/Details/{transferId}");
        var version = details.IsSuccessStatusCode
            ? (await details.ReadHtmlAsync()).QuerySelector<IHtmlInputElement>("input[name=Version]")?.Value ?? "0"
            : "0";
        var fields = new Dictionary<string, string> { ["Version"] = version };
        if (reason is not null)
        {
            fields["ReturnReason"] = reason;
        }

        return await client.PostFormAsync("/Transfers/ApplyInbound", fields, formAction: $"/Transfers/Details/{transferId}?handler={handler}");
    }

    public static async Task StepsAsync(this HttpClient client, int transferId, params string[] handlers)
    {
        foreach (var handler in handlers)
        {
            var response = await client.StepAsync(transferId, handler);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} answered {(int)response.StatusCode}: {await AlertOf(response)}");
        }
    }

    public static async Task<string> AlertOf(HttpResponseMessage response) =>
        (await response.ReadHtmlAsync()).QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
}
