using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>One line of the figures: a name and its counts.</summary>
public sealed record FigureLine(string Name, int Open, int Overdue, int Fixed, int FixedInTime)
{
    /// <summary>按时整改率, in whole percent; null before anything was fixed.</summary>
    public int? InTimePercent => Fixed == 0 ? null : (int)Math.Round(100.0 * FixedInTime / Fixed);
}

/// <summary>A place where the same kind of problem keeps coming back (反复出现的点位).</summary>
public sealed record HotSpot(string Area, string Address, string Category, int Count, DateTime Last);

/// <summary>
/// 统计: open, overdue, fixed and fixed within the deadline, by area, category and department, from one
/// grouped query over the user's spots (the database counts; the page adds up three views of one result).
/// </summary>
public sealed class SpotFigures(DoorstepDb db)
{
    private sealed record Cell(int AreaId, int CategoryId, int? DepartmentId, int Open, int Overdue, int Fixed, int FixedInTime);

    public sealed record Result(IReadOnlyList<FigureLine> ByArea, IReadOnlyList<FigureLine> ByCategory, IReadOnlyList<FigureLine> ByDepartment, FigureLine Total);

    public async Task<Result> CountAsync(DateTime now, DateTime since)
    {
        var cells = await db.InScope<ProblemSpot>().AsNoTracking()
            .Where(s => s.ReportedAt >= since)
            .GroupBy(s => new { s.AreaId, s.CategoryId, s.DepartmentId })
            .Select(g => new Cell(
                g.Key.AreaId, g.Key.CategoryId, g.Key.DepartmentId,
                g.Sum(s => s.Status != SpotStatus.Fixed && s.Status != SpotStatus.Verified ? 1 : 0),
                g.Sum(s => s.Status != SpotStatus.Fixed && s.Status != SpotStatus.Verified && s.DueAt < now ? 1 : 0),
                g.Sum(s => s.FixedAt != null ? 1 : 0),
                g.Sum(s => s.FixedAt != null && s.FixedAt <= s.DueAt ? 1 : 0)))
            .ToListAsync();
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        var areas = await db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == subDistrictId).ToDictionaryAsync(a => a.Id, a => a.Name);
        var categories = await db.Set<InspectionCategory>().AsNoTracking().Where(c => c.SubDistrictId == subDistrictId).ToDictionaryAsync(c => c.Id, c => c.Name);
        var departments = await db.Departments.AsNoTracking().Where(d => d.SubDistrictId == subDistrictId).ToDictionaryAsync(d => d.Id, d => d.Name);

        static List<FigureLine> By(IEnumerable<Cell> cells, Func<Cell, string> name) => cells.GroupBy(name)
            .Select(g => new FigureLine(g.Key, g.Sum(c => c.Open), g.Sum(c => c.Overdue), g.Sum(c => c.Fixed), g.Sum(c => c.FixedInTime)))
            .OrderByDescending(l => l.Overdue).ThenByDescending(l => l.Open).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();

        return new Result(
            By(cells, c => areas.GetValueOrDefault(c.AreaId, "?")),
            By(cells, c => categories.GetValueOrDefault(c.CategoryId, "?")),
            By(cells, c => c.DepartmentId is { } d ? departments.GetValueOrDefault(d, "?") : "未派单"),
            new FigureLine("合计", cells.Sum(c => c.Open), cells.Sum(c => c.Overdue), cells.Sum(c => c.Fixed), cells.Sum(c => c.FixedInTime)));
    }

    /// <summary>The same address and category reported three times or more since <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<HotSpot>> HotSpotsAsync(DateTime since, int take = 10)
    {
        var rows = await db.InScope<ProblemSpot>().AsNoTracking()
            .Where(s => s.ReportedAt >= since)
            .GroupBy(s => new { s.AreaId, s.Address, s.CategoryId })
            .Where(g => g.Count() >= 3)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(s => s.ReportedAt))
            .Select(g => new { g.Key.AreaId, g.Key.Address, g.Key.CategoryId, Count = g.Count(), Last = g.Max(s => s.ReportedAt) })
            .Take(take).ToListAsync();
        var areaIds = rows.Select(r => r.AreaId).Distinct().ToList();
        var categoryIds = rows.Select(r => r.CategoryId).Distinct().ToList();
        var areas = await db.ResidentialAreas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        var categories = await db.Set<InspectionCategory>().AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name);
        return rows.Select(r => new HotSpot(areas.GetValueOrDefault(r.AreaId, "?"), r.Address, categories.GetValueOrDefault(r.CategoryId, "?"), r.Count, r.Last)).ToList();
    }
}
