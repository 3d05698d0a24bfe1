using Doorstep.Data;
using Doorstep.Features.Activities.Volunteers;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Doorstep.Features.Activities;

/// <summary>
/// One activity and one of its days: the list to sign people up and tick them in, the QR code of the
/// day's check-in link, a member's card scanned at the door, head-counts and handouts, the day's
/// photos, and the day's change (cancel, move).
/// </summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class DetailsModel(
    DoorstepDb db, AttendanceBook book, ActivityTokens tokens, TimeProvider clock, FileIntake intake, IEnumerable<IMemberCardReader> cards) : PageModel
{
    public sealed record Candidate(string Key, string Name, string What);

    public Activity Activity { get; private set; } = null!;
    public Occurrence? Selected { get; private set; }
    public IReadOnlyList<Occurrence> Nearby { get; private set; } = [];
    public IReadOnlyList<Attendance> Rows { get; private set; } = [];
    public IReadOnlyList<ActivityTally> Tallies { get; private set; } = [];
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public string? AreaName { get; private set; }
    public string CheckInUrl { get; private set; } = "";
    public string? Query { get; private set; }
    public IReadOnlyList<ActivityPhoto> Photos { get; private set; } = [];

    /// <summary>Whether cards can be scanned here at all: a feature that issues member cards is present.</summary>
    public bool ScansCards => cards.Any();

    [TempData]
    public string? Message { get; set; }

    /// <summary>Set after a card was scanned, so the field takes the next card without a tap.</summary>
    [TempData]
    public bool Scanning { get; set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, DateOnly? date, string? q) =>
        await LoadAsync(id, date, q) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignUpAsync(int id, DateOnly date, string? person) =>
        await RecordAsync(id, date, person, checkIn: false);

    public async Task<IActionResult> OnPostCheckInAsync(int id, DateOnly date, string? person) =>
        await RecordAsync(id, date, person, checkIn: true);

    public async Task<IActionResult> OnPostTallyAsync(int id, DateOnly date, TallyKind kind, string? label, int? count)
    {
        if (!await LoadAsync(id, date, null) || Selected is null)
        {
            return NotFound();
        }

        var what = string.IsNullOrWhiteSpace(label) ? ActivityTally.KindLabel(kind) : label.Trim();
        if (count is not (>= 0 and <= 1_000_000) || what.Length > 50 || TextNormalizer.FirstHiddenCharacter(what) is not null)
        {
            Refusal = "请填写0至1000000之间的数量，项目名称最多50个字。";
            return Page();
        }

        var tally = await db.Set<ActivityTally>().FirstOrDefaultAsync(t => t.ActivityId == id && t.Date == date && t.Kind == kind && t.Label == what);
        if (tally is null)
        {
            db.Set<ActivityTally>().Add(tally = new ActivityTally
            {
                ActivityId = id,
                Date = date,
                SubDistrictId = Activity.SubDistrictId,
                AreaId = Activity.AreaId,
                Kind = kind,
                Label = what,
            });
        }

        tally.Count = count.Value;
        tally.RecordedAt = clock.GetUtcNow().UtcDateTime;
        tally.RecordedBy = db.CurrentUser.Name;
        await db.SaveChangesAsync();
        Message = $"已登记{what}：{count}。";
        return RedirectToPage(new { id, date = ActivityCalendar.DateText(date) });
    }

    public async Task<IActionResult> OnPostChangeAsync(int id, DateOnly date, bool cancelled, DateOnly? movedTo, TimeOnly? startTime, string? place, string? note)
    {
        if (!await LoadAsync(id, date, null) || Selected is null)
        {
            return NotFound();
        }

        if (note?.Length > 500 || place?.Length > 200)
        {
            Refusal = "地点最多200个字，说明最多500个字。";
            return Page();
        }

        var change = await db.Set<ActivityChange>().FirstOrDefaultAsync(c => c.ActivityId == id && c.Date == date);
        if (change is null)
        {
            db.Set<ActivityChange>().Add(change = new ActivityChange { ActivityId = id, Date = date, SubDistrictId = Activity.SubDistrictId, AreaId = Activity.AreaId });
        }

        change.Cancelled = cancelled;
        change.MovedTo = cancelled ? null : movedTo;
        change.StartTime = cancelled ? null : startTime;
        change.Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
        change.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await db.SaveChangesAsync();
        Message = cancelled ? "已取消这一天的活动。" : "已保存这一天的调整。";
        return RedirectToPage(new { id, date = ActivityCalendar.DateText(date) });
    }

    /// <summary>
    /// 扫卡签到: the text a scanner typed (the member's card URL, from the phone's scanner app or a
    /// keyboard-wedge scanner) names a member through the card feature (ADR 0024); the member is then
    /// checked in through <see cref="AttendanceBook"/>, which finds them in this user's scope.
    /// </summary>
    public async Task<IActionResult> OnPostScanAsync(int id, DateOnly date, string? card)
    {
        if (!await LoadAsync(id, date, null) || Selected is null)
        {
            return NotFound();
        }

        int? memberId = null;
        if (card is { Length: > 0 and <= 500 })
        {
            foreach (var reader in cards)
            {
                if ((memberId = await reader.MemberOfAsync(card, HttpContext.RequestAborted)) is not null)
                {
                    break;
                }
            }
        }

        var refusal = memberId is { } member
            ? await book.RecordAsync(Activity, date, new Person(member, null), AttendanceWay.CardScan, checkIn: true)
            : "无法识别这张卡：请扫描党员随身听卡上的二维码；挂失或补办前的旧卡不能使用。";
        if (refusal is not null)
        {
            Refusal = refusal;
            Scanning = true;
            await LoadAsync(id, date, null);
            return Page();
        }

        var key = Attendance.KeyOf(memberId, null);
        var name = await db.Set<Attendance>().Where(a => a.ActivityId == id && a.Date == date && a.PersonKey == key).Select(a => a.Name).FirstOrDefaultAsync();
        Message = $"已签到：{name}。";
        Scanning = true;
        return RedirectToPage(new { id, date = ActivityCalendar.DateText(date) });
    }

    /// <summary>Photos of the day, images only: each recognised, re-encoded and stripped by FileIntake, saved together or not at all.</summary>
    public async Task<IActionResult> OnPostPhotosAsync(int id, DateOnly date, List<IFormFile>? photos, string? caption)
    {
        if (!await LoadAsync(id, date, null) || Selected is null)
        {
            return NotFound();
        }

        var text = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim();
        var refusal = photos is not { Count: > 0 } ? "请选择照片。"
            : Photos.Count + photos.Count > ActivityPhoto.MostPerDay ? $"每次活动最多保存{ActivityPhoto.MostPerDay}张照片，已有{Photos.Count}张。"
            : text is { Length: > 100 } || (text is not null && TextNormalizer.FirstHiddenCharacter(text) is not null) ? "照片说明最多100个字。"
            : null;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var photo in refusal is null ? photos! : [])
        {
            await using var upload = photo.OpenReadStream();
            var outcome = await intake.AcceptAsync(db, upload, FileKind.Photo, ActivityPhoto.OwnerOf(id), HttpContext.RequestAborted);
            if (outcome.File is not { } file)
            {
                refusal = $"{photo.FileName}：{outcome.Refusal}";
                break;
            }

            db.Set<ActivityPhoto>().Add(new ActivityPhoto
            {
                ActivityId = id,
                Date = date,
                SubDistrictId = Activity.SubDistrictId,
                AreaId = Activity.AreaId,
                StoredFileId = file.Id,
                Caption = text,
                UploadedAt = now,
                UploadedBy = db.CurrentUser.Name,
            });
        }

        if (refusal is not null)
        {
            // Nothing of this upload is kept when one photo is refused; a folder store's bytes are swept (ADR 0012).
            db.ChangeTracker.Clear();
            Refusal = refusal;
            return Page();
        }

        await db.SaveChangesAsync();
        Message = $"已上传{photos!.Count}张照片。";
        return RedirectToPage(null, null, new { id, date = ActivityCalendar.DateText(date) }, "photos");
    }

    /// <summary>A photo, served only when its row is found in this user's scope.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(int id, int photo)
    {
        var fileId = await db.Set<ActivityPhoto>().AsNoTracking().Where(p => p.Id == photo && p.ActivityId == id).Select(p => (Guid?)p.StoredFileId).FirstOrDefaultAsync();
        var file = fileId is null ? null : await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId);
        return file is null ? NotFound() : new StoredFileResult(file);
    }

    public async Task<IActionResult> OnPostDeletePhotoAsync(int id, DateOnly date, int photo)
    {
        if (await db.Set<ActivityPhoto>().FirstOrDefaultAsync(p => p.Id == photo && p.ActivityId == id) is not { } row)
        {
            return NotFound();
        }

        db.Set<ActivityPhoto>().Remove(row);
        if (await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == row.StoredFileId) is { } file)
        {
            db.StoredFiles.Remove(file);
        }

        await db.SaveChangesAsync();
        Message = "已删除照片。";
        return RedirectToPage(null, null, new { id, date = ActivityCalendar.DateText(date) }, "photos");
    }

    /// <summary>The day's check-in link as a QR code, to print or show at the door.</summary>
    public async Task<IActionResult> OnGetQrAsync(int id, DateOnly date)
    {
        if (!await db.Set<Activity>().AnyAsync(a => a.Id == id))
        {
            return NotFound();
        }

        using var data = QRCodeGenerator.GenerateQrCode(CheckInLink(id, date), QRCodeGenerator.ECCLevel.M);
        return File(new PngByteQRCode(data).GetGraphic(10), "image/png");
    }

    private async Task<IActionResult> RecordAsync(int id, DateOnly date, string? person, bool checkIn)
    {
        if (!await LoadAsync(id, date, null) || Selected is null)
        {
            return NotFound();
        }

        var refusal = Person.Parse(person) is { } who
            ? await book.RecordAsync(Activity, date, who, checkIn ? AttendanceWay.ByHand : AttendanceWay.SignedUpByCadre, checkIn)
            : "请从名单中选择人员。";
        if (refusal is not null)
        {
            Refusal = refusal;
            await LoadAsync(id, date, null);
            return Page();
        }

        Message = checkIn ? "已签到。" : "已报名。";
        return RedirectToPage(new { id, date = ActivityCalendar.DateText(date) });
    }

    private async Task<bool> LoadAsync(int id, DateOnly? date, string? q)
    {
        if (await db.Set<Activity>().AsNoTracking().Include(a => a.Changes).FirstOrDefaultAsync(a => a.Id == id) is not { } activity)
        {
            return false;
        }

        Activity = activity;
        AreaName = activity.AreaId is { } area ? await db.ResidentialAreas.Where(a => a.Id == area).Select(a => a.Name).FirstOrDefaultAsync() : null;
        var today = ChinaTime.Today(clock);
        var around = date ?? today;
        Nearby = Recurrence.Between(activity, around.AddDays(-35), around.AddDays(63)).ToList();
        Selected = date is { } d
            ? Recurrence.On(activity, d)
            : Nearby.FirstOrDefault(o => o.RuleDate >= today) ?? (Nearby.Count > 0 ? Nearby[^1] : Recurrence.On(activity, activity.StartsOn));
        Nearby = Nearby.Where(o => Math.Abs(o.RuleDate.DayNumber - (Selected?.RuleDate ?? around).DayNumber) <= 28).ToList();
        if (Selected is not { } selected)
        {
            return date is null;
        }

        Rows = await db.Set<Attendance>().AsNoTracking().Where(a => a.ActivityId == id && a.Date == selected.RuleDate)
            .OrderBy(a => a.CheckedInAt == null).ThenBy(a => a.Name).ToListAsync();
        Tallies = await db.Set<ActivityTally>().AsNoTracking().Where(t => t.ActivityId == id && t.Date == selected.RuleDate).OrderBy(t => t.Kind).ThenBy(t => t.Label).ToListAsync();
        CheckInUrl = CheckInLink(id, selected.RuleDate);
        Photos = await db.Set<ActivityPhoto>().AsNoTracking().Where(p => p.ActivityId == id && p.Date == selected.RuleDate).OrderBy(p => p.Id).ToListAsync();
        Query = q?.Trim();
        var listed = Rows.Select(r => r.PersonKey).ToHashSet();
        var volunteers = db.Set<Volunteer>().AsNoTracking().Where(v => v.Active && v.SubDistrictId == activity.SubDistrictId);
        if (activity.AreaId is { } volunteerArea)
        {
            volunteers = volunteers.Where(v => v.AreaId == volunteerArea);
        }

        var candidates = (await volunteers.OrderBy(v => v.Name).Take(50).Select(v => new { v.Id, v.Name, v.Skills }).ToListAsync())
            .Select(v => new Candidate(Attendance.KeyOf(null, v.Id), v.Name, "志愿者" + (v.Skills is null ? "" : $"（{v.Skills}）"))).ToList();
        if (Query is { Length: > 0 } name)
        {
            candidates.InsertRange(0, (await db.MembersInScope.AsNoTracking().Where(m => m.Name.StartsWith(name)).OrderBy(m => m.Name).Take(20)
                    .Select(m => new { m.Id, m.Name, Unit = m.OrgUnit.Name }).ToListAsync())
                .Select(m => new Candidate(Attendance.KeyOf(m.Id, null), m.Name, $"党员 · {m.Unit}")));
        }

        Candidates = candidates.Where(c => !listed.Contains(c.Key)).ToList();
        return true;
    }

    private string CheckInLink(int id, DateOnly date) =>
        Url.Page("/Activities/CheckIn", null, new { id, date = ActivityCalendar.DateText(date), token = tokens.CheckIn(id, date) }, Request.Scheme, Request.Host.Value)!;
}
