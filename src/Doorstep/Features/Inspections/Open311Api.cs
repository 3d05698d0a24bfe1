using System.Globalization;
using System.Text.Json.Serialization;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>
/// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), read side, so that 12345 or a city
/// management system can follow the spots: services are the categories, requests the spots, with the
/// spec's field names exactly (snake_case, JSON format). Signed in as the pages are (the same cookie
/// and scope): a department handler's system sees only its own department's spots. Our additions,
/// outside the spec, are the per-request “updates” (the history, named as in the GeoReport
/// service-request-updates extension) and “area”. Spots have no geographic position (a point on an
/// area's own plan is not a latitude), so lat and long are null (ADR 0020).
/// </summary>
public static class Open311Api
{
    public sealed record Service(
        [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("service_name")] string ServiceName,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("metadata")] bool Metadata,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("keywords")] string Keywords,
        [property: JsonPropertyName("group")] string Group);

    public sealed record RequestUpdate(
        [property: JsonPropertyName("update_id")] string UpdateId,
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("updated_datetime")] DateTimeOffset UpdatedDatetime,
        [property: JsonPropertyName("description")] string Description);

    public sealed record ServiceRequest(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("status_notes")] string? StatusNotes,
        [property: JsonPropertyName("service_name")] string ServiceName,
        [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible,
        [property: JsonPropertyName("service_notice")] string? ServiceNotice,
        [property: JsonPropertyName("requested_datetime")] DateTimeOffset RequestedDatetime,
        [property: JsonPropertyName("updated_datetime")] DateTimeOffset UpdatedDatetime,
        [property: JsonPropertyName("expected_datetime")] DateTimeOffset? ExpectedDatetime,
        [property: JsonPropertyName("address")] string Address,
        [property: JsonPropertyName("address_id")] string? AddressId,
        [property: JsonPropertyName("zipcode")] string? Zipcode,
        [property: JsonPropertyName("lat")] double? Latitude,
        [property: JsonPropertyName("long")] double? Longitude,
        [property: JsonPropertyName("media_url")] string? MediaUrl,
        [property: JsonPropertyName("area")] string Area,
        [property: JsonPropertyName("updates")] IReadOnlyList<RequestUpdate> Updates);

    /// <summary>The spec's default window and our page: the newest first, at most this many per call.</summary>
    public const int MaxRequests = 200;

    public static void MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var open311 = app.MapGroup("/api/v1/open311").RequireAuthorization(InspectionsFeature.WorkOnSpots).WithTags("Open311 GeoReport v2（创文问题）");

        open311.MapGet("/services.json", async (DoorstepDb db) =>
        {
            var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
            var categories = await db.Set<InspectionCategory>().AsNoTracking()
                .Where(c => c.SubDistrictId == subDistrictId && !c.Retired).OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync();
            return TypedResults.Ok(categories.Select(c => new Service(
                Code(c.Id), c.Name, $"{c.Name}（默认整改时限 {c.DefaultDeadlineHours} 小时）", false, "realtime", c.Name, "创文")).ToList());
        }).WithSummary("服务列表（services）：问题类别");

        open311.MapGet("/requests.json", async Task<Results<Ok<List<ServiceRequest>>, ValidationProblem>> (HttpRequest request, DoorstepDb db, TimeProvider clock) =>
        {
            var errors = new Dictionary<string, string[]>();
            var start = ReadTime(request, "start_date", errors);
            var end = ReadTime(request, "end_date", errors);
            var status = request.Query["status"].ToString();
            if (status is not ("" or "open" or "closed"))
            {
                errors["status"] = ["status 只能是 open 或 closed。"];
            }

            var codes = request.Query["service_code"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).ToList();
            if (codes.Contains(-1))
            {
                errors["service_code"] = ["service_code 应为服务列表中的编号，多个用逗号分隔。"];
            }

            var ids = request.Query["service_request_id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).ToList();
            if (ids.Contains(-1))
            {
                errors["service_request_id"] = ["service_request_id 应为问题编号，多个用逗号分隔。"];
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "查询条件有误");
            }

            return TypedResults.Ok(await RequestListAsync(db, new RequestQuery(ids, codes, start, end, status), clock.GetUtcNow().UtcDateTime));
        }).WithSummary("问题列表（requests）：默认最近 90 天、最新的 200 条；start_date、end_date（W3C 时间）、status（open/closed）、service_code、service_request_id");

        open311.MapGet("/requests/{id:int}.json", async Task<Results<Ok<List<ServiceRequest>>, ProblemHttpResult>> (int id, DoorstepDb db) =>
        {
            var found = await RequestsAsync(db, db.InScope<ProblemSpot>().AsNoTracking().Where(s => s.Id == id));
            return found.Count == 0
                ? TypedResults.Problem(title: "没有找到这个问题，或它不在您的范围内。", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Ok(found);
        }).WithSummary("一个问题（request），按规范为只含一项的数组");
    }

    private static string Code(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>UTC as stored, written in China time with its offset, as the spec's W3C format expects.</summary>
    private static DateTimeOffset W3c(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaTime.Offset);

    private static DateTime? ReadTime(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.UtcDateTime;
        }

        errors[name] = [$"{name} 应为 W3C 时间，例如 2026-11-30T08:00:00+08:00。"];
        return null;
    }

    /// <summary>What a requests.json call asks for, once its parameters are read.</summary>
    public sealed record RequestQuery(IReadOnlyList<int> Ids, IReadOnlyList<int> ServiceCodes, DateTime? Start, DateTime? End, string Status);

    /// <summary>The request list in the caller's scope (and the benchmark's, inspections.open311): newest first, at most 200.</summary>
    public static Task<List<ServiceRequest>> RequestListAsync(DoorstepDb db, RequestQuery query, DateTime now)
    {
        var spots = db.InScope<ProblemSpot>().AsNoTracking();
        if (query.Ids.Count > 0)
        {
            spots = spots.Where(s => query.Ids.Contains(s.Id));
        }
        else
        {
            // The spec's default: the last 90 days.
            var from = query.Start ?? (query.End ?? now).AddDays(-90);
            spots = spots.Where(s => s.ReportedAt >= from);
            if (query.End is { } to)
            {
                spots = spots.Where(s => s.ReportedAt <= to);
            }
        }

        if (query.ServiceCodes.Count > 0)
        {
            spots = spots.Where(s => query.ServiceCodes.Contains(s.CategoryId));
        }

        spots = query.Status switch
        {
            "open" => spots.Where(s => s.Status != SpotStatus.Verified),
            "closed" => spots.Where(s => s.Status == SpotStatus.Verified),
            _ => spots,
        };
        return RequestsAsync(db, spots.OrderByDescending(s => s.ReportedAt).ThenByDescending(s => s.Id).Take(MaxRequests));
    }

    /// <summary>Three queries for any number of spots: the spots with names, then their histories.</summary>
    private static async Task<List<ServiceRequest>> RequestsAsync(DoorstepDb db, IQueryable<ProblemSpot> spots)
    {
        var rows = await spots.Select(s => new
        {
            Spot = s,
            Category = s.Category!.Name,
            Area = db.ResidentialAreas.Where(a => a.Id == s.AreaId).Select(a => a.Name).FirstOrDefault(),
            Department = db.Departments.Where(d => d.Id == s.DepartmentId).Select(d => d.Name).FirstOrDefault(),
        }).ToListAsync();
        var ids = rows.Select(r => r.Spot.Id).ToList();
        var updates = (await db.Set<SpotUpdate>().AsNoTracking().Where(u => ids.Contains(u.ProblemSpotId)).OrderBy(u => u.Id).ToListAsync())
            .ToLookup(u => u.ProblemSpotId);
        return rows.Select(r =>
        {
            var s = r.Spot;
            var history = updates[s.Id].Select(u => new RequestUpdate(
                Code(u.Id), Code(s.Id), u.Status == SpotStatus.Verified ? "closed" : "open", W3c(u.At),
                u.Note is null ? SpotUpdate.Label(u.Step) : $"{SpotUpdate.Label(u.Step)}：{u.Note}")).ToList();
            var notes = s.LastReason is null ? ProblemSpot.Label(s.Status) : $"{ProblemSpot.Label(s.Status)}（{s.LastReason}）";
            return new ServiceRequest(
                Code(s.Id), s.Status == SpotStatus.Verified ? "closed" : "open", notes, r.Category, Code(s.CategoryId), s.Description,
                r.Department, s.ResponsiblePerson is null ? null : $"责任人：{s.ResponsiblePerson}",
                W3c(s.ReportedAt), history.Count > 0 ? history[^1].UpdatedDatetime : W3c(s.ReportedAt), s.DueAt is { } due ? W3c(due) : null,
                s.Address, s.InspectionPointId is { } point ? Code(point) : null, null, null, null, null, r.Area ?? "", history);
        }).ToList();
    }
}
