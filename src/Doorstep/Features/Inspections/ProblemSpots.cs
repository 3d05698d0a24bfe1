using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>What a report says: where, what, who; the pages and the Open311 API both fill it.</summary>
public sealed record SpotReport(
    int AreaId, int CategoryId, string? Description, string? Address, ReporterKind ReporterKind, string? ReporterName,
    string? ResidentPhone, double? PlanX, double? PlanY, int? InspectionPointId);

/// <summary>A photo as uploaded, from a form or a test.</summary>
public sealed record UploadedPhoto(string Name, Func<Stream> Open);

/// <summary>
/// The one write path of problem spots: registration (with routing by the matrix and the
/// before-photos) and each later step (with its history row and, for the fix, the after-photos), in
/// one transaction each, so a refused photo leaves nothing half-saved.
/// </summary>
public sealed class ProblemSpots(
    DoorstepDb db, FileIntake intake, PersonalDataProtector protector, TimeProvider clock, IEnumerable<IVolunteerAreas> volunteerAreas)
{
    public const int MaxPhotos = 6;

    /// <summary>
    /// The areas this user registers spots in: the sub-district all of its own, a cadre their area, a
    /// volunteer the area(s) the roster gives them (ADR 0025); nobody else any.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ReportingAreasAsync()
    {
        var actor = SpotActor.From(db.CurrentUser);
        var served = new List<int>();
        if (actor.VolunteerId is { } volunteer)
        {
            foreach (var roster in volunteerAreas)
            {
                served.AddRange(await roster.AreasOfAsync(volunteer));
            }
        }

        var rows = await db.ResidentialAreas.AsNoTracking()
            .Where(a => a.SubDistrictId == actor.SubDistrictId && (actor.IsAdmin || a.Id == actor.AreaId || served.Contains(a.Id)))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync();
        return rows.Select(a => (a.Id, a.Name)).ToList();
    }

    /// <summary>
    /// The fixed points (点位) of areas the user reports in, to pick on the form. Read past the points'
    /// filter because a volunteer has no scope of their own on points: the caller passes only areas
    /// from <see cref="ReportingAreasAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<InspectionPoint>> PointsOfAsync(IReadOnlyCollection<int> reportingAreaIds) =>
        await db.Set<InspectionPoint>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => reportingAreaIds.Contains(p.AreaId) && !p.Retired)
            .OrderBy(p => p.AreaId).ThenBy(p => p.Order).ThenBy(p => p.Id).ToListAsync();

    /// <summary>
    /// Open spots of the same area and category near this place: the same point, the same address, or
    /// within 30 px on the plan. A volunteer, whose scope holds only their own reports, is shown those of
    /// the areas they report in too, so that they can say 我也反映 rather than register a spot twice.
    /// </summary>
    public async Task<IReadOnlyList<ProblemSpot>> NearbyAsync(int areaId, int categoryId, string? address, double? x, double? y, int? pointId)
    {
        var text = TextNormalizer.OrNull(address);
        return await (await JoinableAsync(areaId)).AsNoTracking()
            .Where(s => s.CategoryId == categoryId)
            .Where(s => (pointId != null && s.InspectionPointId == pointId)
                || (text != null && (s.Address.Contains(text) || text.Contains(s.Address)))
                || (x != null && y != null && s.PlanX != null && s.PlanY != null
                    && s.PlanX > x - 30 && s.PlanX < x + 30 && s.PlanY > y - 30 && s.PlanY < y + 30))
            .OrderByDescending(s => s.Priority).ThenByDescending(s => s.Id)
            .Take(5)
            .ToListAsync();
    }

    /// <summary>
    /// 我也反映 by a volunteer on an open spot of an area they report in. Their scope cannot change a
    /// spot they did not report, so the app writes the step for them: the spot's history names the
    /// volunteer, the audit names them in the system's purpose.
    /// </summary>
    public async Task<string?> VolunteerMeTooAsync(int id)
    {
        var actor = SpotActor.From(db.CurrentUser);
        var areaId = await db.Set<ProblemSpot>().IgnoreQueryFilters().Where(s => s.Id == id).Select(s => (int?)s.AreaId).FirstOrDefaultAsync();
        if (actor.VolunteerId is null || areaId is null || !await (await JoinableAsync(areaId.Value)).AnyAsync(s => s.Id == id))
        {
            return "没有找到这个问题，或它已经整改。";
        }

        using var acting = CurrentUserAccessor.ActAs(CurrentUser.System($"志愿者{actor.Name}“我也反映”"));
        var spot = await db.Set<ProblemSpot>().FirstAsync(s => s.Id == id);
        if (spot.MeToo() is { } refusal)
        {
            db.ChangeTracker.Clear();
            return refusal.Message;
        }

        Update(spot, SpotStep.MeToo, actor, clock.GetUtcNow().UtcDateTime, null);
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return "这个问题刚有人办理，请再点一次“我也反映”。";
        }
    }

    /// <summary>The open spots of an area that this user may join with 我也反映: those in their scope; for a volunteer, any of an area they report in.</summary>
    private async Task<IQueryable<ProblemSpot>> JoinableAsync(int areaId)
    {
        var open = db.InScope<ProblemSpot>().Where(s => s.AreaId == areaId && ProblemSpot.Open.Contains(s.Status));
        if (SpotActor.From(db.CurrentUser).VolunteerId is null)
        {
            return open;
        }

        var reportsThere = (await ReportingAreasAsync()).Any(a => a.Id == areaId);
        return db.Set<ProblemSpot>().IgnoreQueryFilters().Where(s => reportsThere && s.AreaId == areaId && ProblemSpot.Open.Contains(s.Status));
    }

    public async Task<ProblemSpot?> RegisterAsync(SpotReport report, IReadOnlyList<UploadedPhoto> photos, ModelStateDictionary state, string prefix = "")
    {
        var actor = SpotActor.From(db.CurrentUser);
        var now = clock.GetUtcNow().UtcDateTime;
        var reportingAreas = await ReportingAreasAsync();
        var area = reportingAreas.Any(a => a.Id == report.AreaId)
            ? await db.ResidentialAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == report.AreaId && a.SubDistrictId == actor.SubDistrictId)
            : null;
        if (area is null)
        {
            state.AddModelError(prefix + nameof(SpotReport.AreaId), "请选择您负责的居民区。");
        }

        if (!await db.Set<InspectionCategory>().AnyAsync(c => c.Id == report.CategoryId && c.SubDistrictId == actor.SubDistrictId && !c.Retired))
        {
            state.AddModelError(prefix + nameof(SpotReport.CategoryId), "请选择问题类别。");
        }

        var description = TextNormalizer.OrNull(report.Description);
        if (description is null)
        {
            state.AddModelError(prefix + nameof(SpotReport.Description), "请写一句问题描述，例如“楼道里堆了旧家具，挡住了通道”。");
        }

        // A picked point names the place when nothing else was typed; it must be one of the chosen area's.
        InspectionPoint? point = null;
        if (report.InspectionPointId is { } pointId && area is not null)
        {
            point = (await PointsOfAsync([area.Id])).FirstOrDefault(p => p.Id == pointId);
            if (point is null)
            {
                state.AddModelError(prefix + nameof(SpotReport.InspectionPointId), "这个点位不在所选的居民区。");
            }
        }

        var address = TextNormalizer.OrNull(report.Address) ?? point?.Name;
        if (address is null)
        {
            state.AddModelError(prefix + nameof(SpotReport.Address), "请填写地址或地标，例如“天水路120弄3号楼道”。");
        }

        PhoneNumber? phone = null;
        if (report.ReporterKind == ReporterKind.ResidentByPhone && actor.VolunteerId is null)
        {
            phone = PhoneNumber.Parse(report.ResidentPhone);
            if (phone is null)
            {
                state.AddModelError(prefix + nameof(SpotReport.ResidentPhone), PhoneNumber.Problem(report.ResidentPhone) ?? "请填写来电居民的电话。");
            }
        }

        if (photos.Count > MaxPhotos)
        {
            state.AddModelError(prefix + "Photos", $"照片最多 {MaxPhotos} 张。");
        }

        if (!state.IsValid)
        {
            return null;
        }

        // A volunteer reports as themselves (the page names them by their account's display name), never on someone's behalf.
        var spot = ProblemSpot.Register(
            area!.SubDistrictId, area.Id, report.CategoryId, description!, address!,
            actor.VolunteerId is null ? report.ReporterKind : ReporterKind.Volunteer,
            TextNormalizer.OrNull(report.ReporterName) ?? actor.Name, actor, now);
        spot.ReporterVolunteerId = actor.VolunteerId;
        spot.InspectionPointId = point?.Id;
        (spot.PlanX, spot.PlanY) = report.PlanX is { } x && report.PlanY is { } y ? (x, y)
            : point is { PlanX: { } px, PlanY: { } py } ? (px, py) : ((double?)null, (double?)null);
        if (phone is not null)
        {
            spot.ResidentPhoneCipher = protector.Encrypt(phone.Stored);
            spot.ResidentPhoneHash = protector.Hash(phone.LookupKey);
            spot.ResidentPhoneTail = phone.Tail;
            spot.ResidentPhoneAreaCode = phone.AreaCode;
        }

        // The matrix is read past its filter (a volunteer may not read it) for the area already checked above.
        var rule = await db.Set<ResponsibilityRule>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(r => r.SubDistrictId == spot.SubDistrictId && r.AreaId == spot.AreaId && r.CategoryId == spot.CategoryId);
        var routed = spot.Route(rule, now);

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Add(spot);
        await db.SaveChangesAsync();
        var registered = Update(spot, SpotStep.Registered, actor, now, null);
        if (routed)
        {
            Update(spot, SpotStep.Dispatched, actor, now, "按责任清单自动派单");
        }

        await db.SaveChangesAsync();
        if (!await AcceptPhotosAsync(registered, photos, state, prefix + "Photos"))
        {
            db.ChangeTracker.Clear();
            return null;
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return spot;
    }

    /// <summary>
    /// One step on a spot found in the user's scope, at the version the page showed. Returns the refusal
    /// to show, or null when saved. <paramref name="photos"/> are the after-photos of a fix.
    /// </summary>
    public async Task<string?> StepAsync(
        int id, int? version, SpotStep step, Func<ProblemSpot, SpotActor, DateTime, SpotError?> act, string? note, IReadOnlyList<UploadedPhoto> photos)
    {
        var spot = await db.InScope<ProblemSpot>().FirstOrDefaultAsync(s => s.Id == id);
        if (spot is null)
        {
            return "没有找到这个问题，或它不在您的范围内。";
        }

        if (version is { } v)
        {
            db.Entry(spot).Property(s => s.Version).OriginalValue = v;
        }

        var actor = SpotActor.From(db.CurrentUser);
        var now = clock.GetUtcNow().UtcDateTime;
        if (photos.Count > MaxPhotos)
        {
            return $"照片最多 {MaxPhotos} 张。";
        }

        if (act(spot, actor, now) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return refusal.Message;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var update = Update(spot, step, actor, now, TextNormalizer.OrNull(note));
            await db.SaveChangesAsync();
            var state = new ModelStateDictionary();
            if (!await AcceptPhotosAsync(update, photos, state, "Photos"))
            {
                db.ChangeTracker.Clear();
                return state["Photos"]!.Errors[0].ErrorMessage;
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return "在您办理期间，这个问题已被他人办理。请看下方的最新进度后再办理。";
        }
    }

    private SpotUpdate Update(ProblemSpot spot, SpotStep step, SpotActor actor, DateTime now, string? note)
    {
        var update = new SpotUpdate { ProblemSpotId = spot.Id, Step = step, Status = spot.Status, At = now, By = actor.Name, Note = note };
        db.Add(update);
        return update;
    }

    private async Task<bool> AcceptPhotosAsync(SpotUpdate update, IReadOnlyList<UploadedPhoto> photos, ModelStateDictionary state, string key)
    {
        foreach (var photo in photos)
        {
            await using var stream = photo.Open();
            var outcome = await intake.AcceptAsync(db, stream, FileKind.Photo, update.PhotoOwner, CancellationToken.None);
            if (outcome.Refusal is { } refusal)
            {
                state.AddModelError(key, $"{photo.Name}：{refusal}");
                return false;
            }
        }

        return true;
    }
}
