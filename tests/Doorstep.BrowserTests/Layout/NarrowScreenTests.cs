using Doorstep.BrowserTests.Support;
using Xunit.Abstractions;

namespace Doorstep.BrowserTests.Layout;

/// <summary>Most residents' cadres use a phone; a page that scrolls sideways hides half of every line.</summary>
[Collection(SharedBrowser.Name)]
public class NarrowScreenTests(BrowserApp app, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task No_page_scrolls_sideways_on_a_360_px_phone()
    {
        await using var context = await app.NewContextAsync(width: Phone.Width, height: 740);
        var page = await context.NewPageAsync();
        var tooWide = new List<string>();

        await CheckAsync(LayoutPages.SignIn);
        await app.SignInAsync(page, "admin");
        var member = await LayoutPages.MemberAsync(app);
        var branch = await LayoutPages.TemporaryBranchAsync(app);
        foreach (var path in (string[])[
                     "/", "/Members", $"/Members/Details/{member}", $"/Members/Edit/{member}", "/Members/LivesElsewhere", "/Members/Import",
                     "/Organizations", "/Audit", "/Accounts/Users", "/Accounts/Users/Create",
                     "/Transfers", "/Transfers/ApplyInbound", $"/Transfers/Apply/{member}",
                     "/TemporaryBranches", $"/TemporaryBranches/Details/{branch}", "/TemporaryBranches/Create?find=吴"])
        {
            await CheckAsync(path);
        }

        // An area cadre's 人户分离 page also lists the members living in the area whose file is elsewhere.
        await using var cadreContext = await app.NewContextAsync(width: Phone.Width, height: 740);
        page = await cadreContext.NewPageAsync();
        await app.SignInAsync(page, "ruixin");
        await CheckAsync("/Members/LivesElsewhere", "cadre");

        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));

        async Task CheckAsync(string path, string? who = null)
        {
            var response = await page.GotoAsync(path);
            if (response!.Status == 404)
            {
                output.WriteLine($"{path}: 404, not in this build; skipped.");
                return;
            }

            Assert.Equal(200, response.Status);
            await Phone.ScreenshotAsync(page, LayoutPages.FileName(path) + (who is null ? "" : "-" + who));
            if (await Phone.SidewaysScrollAsync(page) is { } problem)
            {
                tooWide.Add(problem);
            }
        }
    }
}
