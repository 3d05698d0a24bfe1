using Doorstep.Features.Members;

namespace Doorstep.Data.Demo;

/// <summary>
/// Fictional but realistic people for the demo and the scale data: common surnames, an old
/// neighbourhood's age shape (a heavy tail over 75), the care needs that come with age.
/// </summary>
internal static class FictionalPeople
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
         "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田", "董", "潘", "袁", "蔡", "蒋", "余",
         "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金"];

    private static readonly string[] GivenCharacters =
        ["德", "勤", "建", "国", "华", "明", "秀", "英", "芳", "莺", "玉", "兰", "桂", "珍", "志", "强", "伟", "敏", "静", "丽",
         "军", "平", "红", "梅", "荣", "根", "福", "宝", "龙", "海", "文", "慧", "菊", "妹", "林", "云", "春", "雷", "新", "霞",
         "凤", "琴", "忠", "良", "卫", "东", "民", "清", "金", "萍", "燕", "洪", "正", "永", "庆", "嘉", "瑞", "康", "晨", "宇"];

    private static readonly string[] Streets =
        ["嘉兴路", "海伦路", "天水路", "大连路", "岳州路", "梧州路", "瑞虹路", "新港路", "安丘路", "四平路", "东余杭路", "溧阳路", "祥德路", "赤峰路"];

    private static readonly string[] Educations = ["小学", "初中", "高中", "中专", "大专", "本科", "硕士研究生"];

    /// <summary>The first ten surnames carry about half of all people, as in real rolls.</summary>
    public static string Name(Random random)
    {
        var surname = random.Next(2) == 0 ? Surnames[random.Next(10)] : Surnames[random.Next(Surnames.Length)];
        var given = GivenCharacters[random.Next(GivenCharacters.Length)];
        return random.Next(100) < 25 ? surname + given : surname + given + GivenCharacters[random.Next(GivenCharacters.Length)];
    }

    public static DateOnly BirthDate(Random random, DateOnly today)
    {
        var age = random.Next(100) switch
        {
            < 38 => random.Next(75, 98),
            < 62 => random.Next(60, 75),
            _ => random.Next(24, 60),
        };
        return today.AddYears(-age).AddDays(-random.Next(1, 365));
    }

    public static CareNeeds Needs(Random random, int age)
    {
        var needs = CareNeeds.None;
        var old = age >= 75;
        if (random.Next(100) < (old ? 40 : 5)) needs |= CareNeeds.LowVision;
        if (random.Next(100) < (old ? 30 : 3)) needs |= CareNeeds.LimitedMobility;
        if (random.Next(100) < (old ? 20 : 2)) needs |= CareNeeds.HardOfHearing;
        if (random.Next(100) < (old ? 15 : 4)) needs |= CareNeeds.LivesAlone;
        if (random.Next(100) < (old ? 30 : 92)) needs |= CareNeeds.UsesSmartphone;
        return needs;
    }

    public static string Education(Random random, DateOnly birth) =>
        Educations[Math.Min(Educations.Length - 1, random.Next(birth.Year < 1950 ? 3 : 7))];

    public static string Address(Random random, int areaId) =>
        $"虹口区{Streets[(areaId + random.Next(3)) % Streets.Length]}{random.Next(1, 900)}弄{random.Next(1, 60)}号{random.Next(1, 7)}0{random.Next(1, 4)}室";

    public static string Phone(Random random) =>
        $"1{"3589"[random.Next(4)]}{random.Next(0, 10)}{random.Next(10_000_000, 100_000_000)}";

    /// <summary>
    /// A valid identity number for the birth date; the 3-digit sequence is odd for men and stays
    /// below 900, so numbers made by hand with 9xx (as the tests do) never collide with generated ones.
    /// </summary>
    public static string IdNumber(Random random, string areaCode, DateOnly birth, Gender gender)
    {
        var sequence = random.Next(0, 450) * 2 + (gender == Gender.Male ? 1 : 0);
        var first17 = $"{areaCode}{birth:yyyyMMdd}{sequence:D3}";
        return first17 + Features.Members.IdNumber.CheckCharacter(first17);
    }
}
