using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Inspections;

/// <summary>固定点位: a place an area inspects on every round (a corner of the market, a bin room, a lane's mouth).</summary>
public class InspectionPoint : IScoped<InspectionPoint>
{
    public static ScopeDeclaration<InspectionPoint> Scope { get; } = new ScopeDeclaration<InspectionPoint>()
        .ReadWrite(ScopeKind.SubDistrict, p => p.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, p => p.AreaId);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public int AreaId { get; set; }
    public required string Name { get; set; }
    public double? PlanX { get; set; }
    public double? PlanY { get; set; }
    public int Order { get; set; }
    public bool Retired { get; set; }
}

/// <summary>巡查安排 (常态化): an area walks its points every week on one day, e.g. Thursday, the volunteer day.</summary>
public class InspectionRound : IScoped<InspectionRound>
{
    public static ScopeDeclaration<InspectionRound> Scope { get; } = new ScopeDeclaration<InspectionRound>()
        .ReadWrite(ScopeKind.SubDistrict, r => r.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, r => r.AreaId);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public int AreaId { get; set; }
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Thursday;

    /// <summary>The first week counted: rounds before it are not “skipped”.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The round's dates from its start up to <paramref name="today"/>, newest first, at most <paramref name="count"/>.</summary>
    public IEnumerable<DateOnly> DueDates(DateOnly today, int count)
    {
        var date = today.AddDays(-(((int)today.DayOfWeek - (int)Weekday + 7) % 7));
        for (var i = 0; i < count && date >= StartsOn; i++, date = date.AddDays(-7))
        {
            yield return date;
        }
    }

    public static string Label(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "每周一",
        DayOfWeek.Tuesday => "每周二",
        DayOfWeek.Wednesday => "每周三",
        DayOfWeek.Thursday => "每周四",
        DayOfWeek.Friday => "每周五",
        DayOfWeek.Saturday => "每周六",
        DayOfWeek.Sunday => "每周日",
    };
}

/// <summary>One walk of a round on a date: who walked it and each point's result.</summary>
public class RoundWalk : IScoped<RoundWalk>
{
    public static ScopeDeclaration<RoundWalk> Scope { get; } = new ScopeDeclaration<RoundWalk>()
        .ReadWrite(ScopeKind.SubDistrict, w => w.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, w => w.AreaId);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public int AreaId { get; set; }
    public DateOnly Date { get; set; }
    public string Inspector { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public List<PointCheck> Checks { get; set; } = [];
}

/// <summary>A point on a walk: clean, or the problem spot registered there. Reached only through its scoped walk.</summary>
public class PointCheck
{
    public int Id { get; set; }
    public int RoundWalkId { get; set; }
    public int InspectionPointId { get; set; }
    public bool Clean { get; set; }
    public int? ProblemSpotId { get; set; }
    public DateTime CheckedAt { get; set; }
}

/// <summary>平面图: the area's own plan or map picture, over which its points and spots are drawn (Leaflet, CRS.Simple).</summary>
public class AreaPlan : IScoped<AreaPlan>
{
    public static ScopeDeclaration<AreaPlan> Scope { get; } = new ScopeDeclaration<AreaPlan>()
        .ReadWrite(ScopeKind.SubDistrict, p => p.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, p => p.AreaId);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public int AreaId { get; set; }
    public Guid StoredFileId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime UploadedAt { get; set; }
}
