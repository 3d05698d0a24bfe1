using Doorstep.Infrastructure;

namespace Doorstep.Tests.Infrastructure;

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点我\")")]
    [InlineData("+86 138")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("＝１＋１")]
    [InlineData("＋1")]
    [InlineData("－1")]
    [InlineData("＠SUM(A1)")]
    public void Text_that_starts_like_a_formula_gets_a_leading_apostrophe(string text)
    {
        Assert.Equal("'" + text, SpreadsheetText.Safe(text));
    }

    [Theory]
    [InlineData("吴德勤")]
    [InlineData("虹口区嘉兴路12弄3号")]
    [InlineData("a=b")]
    [InlineData(" =1+1")]
    [InlineData("'already text")]
    [InlineData("")]
    public void Ordinary_text_is_left_as_it_is(string text)
    {
        Assert.Equal(text, SpreadsheetText.Safe(text));
    }

    [Fact]
    public void No_text_stays_no_text()
    {
        Assert.Null(SpreadsheetText.Safe(null));
    }
}
