using Doorstep.Infrastructure;

namespace Doorstep.Tests.Infrastructure;

public class PinyinTests
{
    [Theory]
    [InlineData("吴德勤", "wdq")]
    [InlineData("杨莺芳", "yyf")]
    [InlineData("周菊妹", "zjm")]
    [InlineData("曾国华", "zgh")]   // 曾 as a surname is zeng, not ceng
    [InlineData("单建国", "sjg")]   // 单 as a surname is shan
    [InlineData("解明", "xm")]      // 解 as a surname is xie
    [InlineData("阿依古丽·买买提", "aygl mmt")]
    [InlineData("Li Na", "lina")]
    public void Initials_follow_the_reading_of_each_character_and_the_surname(string name, string expected)
    {
        Assert.Equal(expected.Replace(" ", ""), Pinyin.Initials(name));
    }
}
