using System.ComponentModel.DataAnnotations;

namespace Doorstep.Features.Members;

/// <summary>
/// The rules that join 入党日期, 转正日期 and 党员类别, shared by every form that carries them
/// (a member file, an inbound transfer). Results name the fields JoinedOn and FullMemberOn.
/// Rosters often give these dates to the month (1975.3), stored as the 1st: a party date on the 1st
/// is compared by its month, so that a file imported so is never refused, then or at a later edit.
/// </summary>
public static class PartyDates
{
    public static IEnumerable<ValidationResult> Check(DateOnly? birth, DateOnly? joined, DateOnly? full, MemberCategory category, DateOnly today)
    {
        if (joined is { } j && (j > today || birth is { } born && Before(j, born.AddYears(18))))
        {
            yield return new("入党日期应在年满18岁之后、今天之前。", ["JoinedOn"]);
        }

        if (full is { } f && (f > today || joined is { } joinedOn && Before(f, joinedOn)))
        {
            yield return new("转正日期应在入党日期之后、今天之前。", ["FullMemberOn"]);
        }

        if (category == MemberCategory.Full && full is null)
        {
            yield return new("正式党员请填写转正日期。", ["FullMemberOn"]);
        }

        if (category == MemberCategory.Probationary && full is not null)
        {
            yield return new("预备党员尚未转正，请清空转正日期或改为正式党员。", ["FullMemberOn"]);
        }
    }

    /// <summary>Whether a party date lies before a limit; a date on the 1st stands for its month.</summary>
    private static bool Before(DateOnly date, DateOnly limit) =>
        date.Day == 1 ? date.Year * 12 + date.Month < limit.Year * 12 + limit.Month : date < limit;
}
