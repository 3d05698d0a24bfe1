using Deque.AxeCore.Playwright;
using Doorstep.BrowserTests.Support;
using Xunit.Abstractions;

namespace Doorstep.BrowserTests.Layout;

/// <summary>
/// axe-core over the pages that older members' cadres use most. Serious and critical findings fail
/// the test; moderate and minor ones are for review, not for the build.
/// </summary>
[Collection(SharedBrowser.Name)]
public class AccessibilityTests(BrowserApp app, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [BrowserFact]
    public async Task The_sign_in_page_member_list_member_file_and_edit_form_have_no_serious_axe_violations()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var findings = new List<string>();

        await CheckAsync(LayoutPages.SignIn);
        await app.SignInAsync(page, "admin");
        var member = await LayoutPages.MemberAsync(app);
        foreach (var path in (string[])["/", "/Members", $"/Members/Details/{member}", $"/Members/Edit/{member}"])
        {
            await CheckAsync(path);
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));

        async Task CheckAsync(string path)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            var result = await page.RunAxe();
            Assert.NotEmpty(result.Passes); // axe really ran on this page
            foreach (var v in result.Violations)
            {
                var finding = $"{path}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Target))}";
                if (Blocking.Contains(v.Impact))
                {
                    findings.Add(finding);
                }
                else
                {
                    output.WriteLine(finding);
                }
            }
        }
    }
}
