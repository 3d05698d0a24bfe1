using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Listening;

/// <summary>
/// 收听进度: how far one member got in one chapter, how long they listened, and whether they heard it
/// to the end. Written by the player (the card's narrow scope) every few seconds; read by the area's
/// report and the member file.
/// </summary>
public class ListeningProgress : IScoped<ListeningProgress>
{
    public static ScopeDeclaration<ListeningProgress> Scope { get; } = new ScopeDeclaration<ListeningProgress>()
        .Read(ScopeKind.SubDistrict, p => p.SubDistrictId)
        .Read(ScopeKind.ResidentialArea, (p, area) => p.Member.OrgUnitAreaId == area)
        .ReadWrite(ScopeKind.MemberCard, p => p.MemberId);

    public long Id { get; set; }
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int SubDistrictId { get; set; }
    public int BookId { get; set; }
    public int ChapterId { get; set; }

    /// <summary>Where playback stood at the last save, in seconds.</summary>
    public double PositionSeconds { get; set; }

    /// <summary>Seconds actually listened (played, not skipped), summed over every save.</summary>
    public int ListenedSeconds { get; set; }

    /// <summary>The month (yyyyMM, China time) of the last save, and the seconds listened in it: the area report's “本月收听”.</summary>
    public int Month { get; set; }

    public int MonthListenedSeconds { get; set; }

    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the member last heard the chapter to the end; it stays finished while heard again.</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>
    /// The last save finished the chapter (a later save means the member is hearing it again): the
    /// player then starts it from the top and the shelf resumes at the next chapter.
    /// </summary>
    public static bool JustFinished(DateTime? completedAt, DateTime updatedAt) => completedAt >= updatedAt;

    /// <summary>The <see cref="Month"/> of a moment: 202611 for any time of November 2026 in China.</summary>
    public static int MonthOf(DateTime utc)
    {
        var china = ChinaTime.ToChina(utc);
        return china.Year * 100 + china.Month;
    }
}
