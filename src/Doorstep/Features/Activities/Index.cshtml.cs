using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Doorstep.Features.Activities;

/// <summary>An area's month calendar (活动安排): every occurrence, holidays and cancellations shown.</summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class IndexModel(DoorstepDb db, TimeProvider clock, ActivityTokens tokens) : PageModel
{
    public DateOnly Month { get; private set; }
    public int? AreaId { get; private set; }
    public List<SelectListItem> Areas { get; private set; } = [];
    public ILookup<DateOnly, CalendarEntry> ByDay { get; private set; } = Array.Empty<CalendarEntry>().ToLookup(e => e.Occurrence.Date);
    public DateOnly Today { get; private set; }
    public string? FeedToken { get; private set; }

    /// <summary>The feed's whole address (scheme and host): a calendar app on a phone subscribes to it, and cannot resolve a path.</summary>
    public string? FeedUrl => FeedToken is { } token && AreaId is { } area
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Request.Scheme}://{Request.Host.Value}{Url.Content($"~/calendar/areas/{area}.ics")}?token={token}")
        : null;

    /// <summary>The same address as webcal:, which phones hand to their calendar app to subscribe.</summary>
    public string? FeedSubscribeUrl => FeedUrl is { } url ? "webcal" + url[url.IndexOf("://", StringComparison.Ordinal)..] : null;
    public bool ChoosesArea { get; private set; }

    public async Task OnGetAsync(string? month, int? areaId)
    {
        Today = ChinaTime.Today(clock);
        Month = ActivityCalendar.ParseMonth(month) ?? new DateOnly(Today.Year, Today.Month, 1);
        ChoosesArea = ActivityScope.OwnArea(db) is null;
        AreaId = ActivityScope.OwnArea(db) ?? areaId;
        Areas = await ActivityScope.AreasAsync(db, AreaId);
        var entries = await ActivityCalendar.BetweenAsync(db, AreaId, Month, Month.AddMonths(1));
        ByDay = entries.ToLookup(e => e.Occurrence.Date);
        FeedToken = AreaId is { } area ? tokens.Feed(area) : null;
    }
}
