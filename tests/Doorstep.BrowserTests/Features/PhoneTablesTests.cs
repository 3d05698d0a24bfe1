using Doorstep.BrowserTests.Support;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Features;

/// <summary>The sub-district's tables on a 360 px phone: a card per row where a table would squeeze its figures one character a line.</summary>
[Collection(SharedBrowser.Name)]
public class PhoneTablesTests(BrowserApp app)
{
    [BrowserTheory]
    [InlineData("/Listening/Report", "随身听收听情况")]
    [InlineData("/Inspections/Matrix", "创文责任清单")]
    [InlineData("/Inspections/Figures", "创文统计与台账")]
    public async Task The_admin_at_360_px_reads_a_table_with_figures_and_names_whole(string path, string heading)
    {
        await using var context = await app.NewContextAsync(Phone.Width, 740);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, "admin");

        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await Phone.ProblemsAsync(page, heading));
    }
}
