namespace Doorstep.Features.Listening;

/// <summary>
/// The name a card shows (德勤 for 吴德勤): enough for the player to greet its holder, without the
/// family name that would, with an area, identify them to whoever finds the card.
/// </summary>
public static class GivenName
{
    private static readonly string[] CompoundSurnames =
        ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "轩辕"];

    public static string Of(string name)
    {
        name = name.Trim();
        if (name.Contains('·'))
        {
            // 阿依古丽·买买提: the given name comes first.
            return name[..name.IndexOf('·')];
        }

        var surname = CompoundSurnames.FirstOrDefault(name.StartsWith) is { } compound && name.Length > compound.Length ? compound.Length : 1;
        return name.Length > surname ? name[surname..] : name;
    }
}
