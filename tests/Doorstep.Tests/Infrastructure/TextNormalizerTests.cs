using Doorstep.Infrastructure;

namespace Doorstep.Tests.Infrastructure;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("３１０１０９１９３８０４１２００１Ｘ", "31010919380412001X")]
    [InlineData("  吴　德勤  ", "吴 德勤")]
    [InlineData("张桥\t居民区\n", "张桥 居民区")]
    [InlineData("\u200B瑞鑫\uFEFF", "瑞鑫")]
    [InlineData("", "")]
    public void Full_width_characters_and_stray_spaces_are_normalised(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Chinese_punctuation_is_kept()
    {
        Assert.Equal("行动不便（需搀扶），住三楼：请提前联系", TextNormalizer.Normalize("行动不便（需搀扶），住三楼：请提前联系"));
    }

    [Fact]
    public void Halfwidth_also_turns_full_width_punctuation_of_dates_and_numbers_half_width()
    {
        Assert.Equal("1965.3 +86", TextNormalizer.Halfwidth("１９６５．３　＋８６"));
    }

    [Fact]
    public void Compact_removes_every_space_and_dash_for_numbers()
    {
        Assert.Equal("13812345678", TextNormalizer.Compact("138-1234 5678"));
    }

    [Theory]
    [InlineData("王\u202E芳", '\u202E')]
    [InlineData("王\u2066芳", '\u2066')]
    [InlineData("王\u200F芳", '\u200F')]
    [InlineData("王\u0000芳", '\u0000')]
    [InlineData("王\u001B芳", '\u001B')]
    public void Control_characters_and_bidirectional_overrides_are_found(string text, char hidden) =>
        Assert.Equal(hidden, TextNormalizer.FirstHiddenCharacter(text));

    [Theory]
    [InlineData("阿依古丽·买买提")]
    [InlineData("第一行\r\n第二行\t缩进")]
    [InlineData("Zhang San")]
    public void Names_notes_and_line_breaks_have_no_hidden_character(string text) =>
        Assert.Null(TextNormalizer.FirstHiddenCharacter(text));
}
