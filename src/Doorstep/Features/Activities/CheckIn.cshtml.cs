using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>
/// Where the QR code at the door leads: a volunteer signed in on their own phone checks in with one
/// tap. The token proves the person was shown the code; the activity is read past the volunteer's
/// scope for that reason alone, and the row written is the volunteer's own.
/// </summary>
public class CheckInModel(DoorstepDb db, AttendanceBook book, ActivityTokens tokens, TimeProvider clock) : PageModel
{
    public Activity? Activity { get; private set; }
    public Occurrence? Occurrence { get; private set; }
    public bool IsVolunteer { get; private set; }
    public bool CheckedIn { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, DateOnly date, string token) =>
        await LoadAsync(id, date, token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, DateOnly date, string token)
    {
        if (!await LoadAsync(id, date, token))
        {
            return NotFound();
        }

        if (!IsVolunteer)
        {
            Refusal = "扫码签到供志愿者本人使用。干部请在活动页面的名单中签到。";
            return Page();
        }

        if (Occurrence!.Date != ChinaTime.Today(clock))
        {
            Refusal = $"签到只能在活动当天（{ChinaTime.Date(Occurrence.Date)}）进行。";
            return Page();
        }

        Refusal = await book.RecordAsync(Activity!, date, new Person(null, db.CurrentUser.Scope.VolunteerId), AttendanceWay.QrCode, checkIn: true);
        if (Refusal is null)
        {
            CheckedIn = true;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, DateOnly date, string token)
    {
        if (!ActivityTokens.Same(tokens.CheckIn(id, date), token))
        {
            return false;
        }

        // Past the filter on purpose: the token above is the proof (see the class comment); only this
        // one activity of the user's own sub-district is read.
        var subDistrict = db.CurrentUser.Scope.SubDistrictId;
        Activity = await db.Set<Activity>().IgnoreQueryFilters().AsNoTracking().Include(a => a.Changes)
            .FirstOrDefaultAsync(a => a.Id == id && a.SubDistrictId == subDistrict);
        Occurrence = Activity is null ? null : Recurrence.On(Activity, date);
        if (Occurrence is null)
        {
            return false;
        }

        IsVolunteer = db.CurrentUser.Scope.Kind == ScopeKind.Volunteer;
        CheckedIn = IsVolunteer && await db.Set<Attendance>().AnyAsync(a => a.ActivityId == id && a.Date == date && a.VolunteerId == db.CurrentUser.Scope.VolunteerId && a.CheckedInAt != null);
        return true;
    }
}
