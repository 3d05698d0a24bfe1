namespace Doorstep.BenchRunner.Tests;

public class HtmlPageTests
{
    private const string Page = """
        <!DOCTYPE html><html><head>
        <link rel="stylesheet" href="/css/site.css?v=abc">
        <link rel="icon" href="/favicon.ico">
        </head><body>
        <form method="post"><select id="Input_ResidentialAreaId" name="Input.ResidentialAreaId"><option value="">请选择居民区</option>
        <option value="3">张桥居民区</option><option value="7">瑞鑫居民区</option></select>
        <select name="Input.OrgUnitId"><option value="">请选择</option><option value="12">彩虹之嘉</option></select>
        <input name="__RequestVerificationToken" type="hidden" value="CfDJ8&#x2B;token"></form>
        <script src="/js/site.js?v=def" defer></script>
        <script src="/js/site.js?v=def" defer></script>
        </body></html>
        """;

    [Fact]
    public void The_antiforgery_token_is_read_from_its_hidden_input_and_unescaped()
    {
        Assert.Equal("CfDJ8+token", HtmlPage.AntiforgeryToken(Page));
    }

    [Fact]
    public void A_page_without_a_token_is_refused_plainly()
    {
        Assert.Throws<InvalidOperationException>(() => HtmlPage.AntiforgeryToken("<form method=\"post\"></form>"));
    }

    [Fact]
    public void A_selects_options_are_its_own_set_values_only()
    {
        Assert.Equal(["3", "7"], HtmlPage.OptionValues(Page, "Input.ResidentialAreaId"));
        Assert.Empty(HtmlPage.OptionValues(Page, "Input.DepartmentId"));
    }

    [Fact]
    public void Assets_are_the_stylesheets_and_scripts_in_page_order_each_once()
    {
        Assert.Equal(["/css/site.css?v=abc", "/js/site.js?v=def"], HtmlPage.Assets(Page));
    }
}
