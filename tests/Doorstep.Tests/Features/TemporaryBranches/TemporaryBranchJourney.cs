using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Doorstep.Features.Accounts;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.TemporaryBranches;

/// <summary>What the temporary-branch tests arrange: members living at a new place, a secretary account, a branch formed through the pages.</summary>
internal static class TemporaryBranchJourney
{
    /// <summary>A place no other test uses, so that suggestions are exactly the members a test moved there.</summary>
    public static string NewPlace() => "试点苑" + Guid.NewGuid().ToString("N")[..6];

    public static Task MoveToAsync(this DoorstepApp app, string place, params int[] memberIds) =>
        app.WithDbAsync(async db =>
        {
            foreach (var (id, i) in memberIds.Select((id, i) => (id, i)))
            {
                var member = await db.Members.SingleAsync(m => m.Id == id);
                member.ResidenceAddress = $"虹口区{place}{i + 1}号楼201室";
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>A secretary account not yet bound to any branch, as the accounts page would leave it.</summary>
    public static async Task<string> NewSecretaryAccountAsync(this DoorstepApp app)
    {
        var userName = "tb" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = app.Services.CreateAsyncScope();
        var subDistrict = await app.WithDbAsync(db => db.SubDistricts.Select(s => s.Id).FirstAsync());
        var created = await scope.ServiceProvider.GetRequiredService<AccountSetup>()
            .CreateAsync(userName, "试点书记", Roles.TemporaryBranchSecretary, subDistrict, AccountsFeature.DemoPassword);
        Assert.True(created.Succeeded);
        return userName;
    }

    /// <summary>Forms a branch through the create page; returns its id.</summary>
    public static async Task<int> FormBranchAsync(HttpClient admin, string place, int secretaryId, string? accountUserName = null)
    {
        var page = await admin.GetPageAsync($"/TemporaryBranches/Create?secretaryId={secretaryId}");
        var accountId = accountUserName is null
            ? ""
            : page.QuerySelectorAll<IHtmlOptionElement>("#Input_AccountId option").Single(o => o.TextContent.Contains(accountUserName)).Value;

        var response = await admin.PostFormAsync($"/TemporaryBranches/Create?secretaryId={secretaryId}", new Dictionary<string, string>
        {
            ["Input.SecretaryMemberId"] = secretaryId.ToString(),
            ["Input.Name"] = place + "临时党支部",
            ["Input.Place"] = place,
            ["Input.AccountId"] = accountId,
        }, formAction: "/TemporaryBranches/Create");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/TemporaryBranches/Details/", location);
        return int.Parse(location["/TemporaryBranches/Details/".Length..]);
    }

    /// <summary>Posts the add form as a browser would, ticking the given members (even ones the page did not offer).</summary>
    public static async Task<HttpResponseMessage> AddAsync(HttpClient admin, int branchId, params int[] memberIds)
    {
        var page = await admin.GetPageAsync($"/TemporaryBranches/Details/{branchId}");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var fields = memberIds.Select(id => new KeyValuePair<string, string>("memberIds", id.ToString()))
            .Append(new("__RequestVerificationToken", token));
        return await admin.PostAsync($"/TemporaryBranches/Details/{branchId}?handler=Add", new FormUrlEncodedContent(fields));
    }
}
