using System.Globalization;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features.Inspections;

/// <summary>台账 for printing: a month's spots, one line each, as the inspection files keep them on paper.</summary>
[Authorize(Policy = InspectionsFeature.WorkOnSpots)]
public class LedgerModel(SpotLedger ledger, TimeProvider clock) : PageModel
{
    public List<LedgerRow> Rows { get; } = [];
    public DateOnly First { get; private set; }

    public async Task OnGetAsync(string? month)
    {
        var today = ChinaTime.Today(clock);
        var (from, to, first) = Period(month, new DateOnly(today.Year, today.Month, 1));
        First = first;
        await foreach (var row in ledger.RowsAsync(from, to, clock.GetUtcNow().UtcDateTime))
        {
            Rows.Add(row);
        }
    }

    /// <summary>A month as typed (yyyy-MM), else <paramref name="fallback"/>: its first day, and its bounds in UTC.</summary>
    public static (DateTime From, DateTime To, DateOnly First) Period(string? month, DateOnly fallback)
    {
        var first = DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : fallback;
        // Midnight in China, as UTC (PostgreSQL takes only UTC times for timestamptz).
        DateTime Utc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset, DateTimeKind.Utc);
        return (Utc(first), Utc(first.AddMonths(1)), first);
    }
}
