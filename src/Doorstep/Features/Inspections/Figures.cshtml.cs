using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features.Inspections;

/// <summary>统计: the last 90 days in the user's scope, by area, category and department, with the recurring hot spots.</summary>
[Authorize(Policy = InspectionsFeature.WorkOnSpots)]
public class FiguresModel(SpotFigures figures, SpotLedger ledger, TimeProvider clock) : PageModel
{
    public const int Days = 90;

    public SpotFigures.Result Counts { get; private set; } = null!;
    public IReadOnlyList<HotSpot> HotSpots { get; private set; } = [];
    public DateOnly Month { get; } = ChinaTime.Today(clock) is var today ? new DateOnly(today.Year, today.Month, 1) : default;

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Counts = await figures.CountAsync(now, now.AddDays(-Days));
        HotSpots = await figures.HotSpotsAsync(now.AddDays(-Days));
    }

    /// <summary>台账 of one month (yyyy-MM), as .xlsx.</summary>
    public IActionResult OnGetExport(string? month)
    {
        var (from, to, first) = LedgerModel.Period(month, Month);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = $"创文问题台账-{first:yyyy-MM}.xlsx";
        return new SpreadsheetFile<LedgerRow>(name, $"inspections-{first:yyyy-MM}.xlsx", "台账", ledger.RowsAsync(from, to, now));
    }
}
