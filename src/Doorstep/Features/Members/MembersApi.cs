using System.Text.Json;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Doorstep.Features.Members;

/// <summary>
/// /api/v1/members: search, read, create, update, with the same scope, rules and audit as the pages:
/// writes go through <see cref="MemberFiles"/>. Every refusal is a Chinese problem+json naming the
/// field; the body is read here rather than by the framework, which would answer a bad date or enum
/// with a 400 naming nothing (or, in Development, a 500).
/// </summary>
public static class MembersApi
{
    /// <summary>A page of the list. A name search counts up to 10,000 matches: past that, Total is 10,001 and TotalIsLowerBound true.</summary>
    public sealed record MemberListResponse(int Total, bool TotalIsLowerBound, int Page, int PageSize, IReadOnlyList<MemberRow> Items);

    public sealed record MemberResponse(
        int Id, string Name, Gender Gender, string Ethnicity, DateOnly BirthDate, string IdNumberMasked, string? PhoneMasked,
        string? Education, MemberCategory Category, DateOnly? JoinedOn, DateOnly? FullMemberOn, int OrgUnitId, string OrgUnit,
        string? RegisteredAddress, int? RegisteredAreaId, string? ResidenceAddress, int? ResidenceAreaId, bool LivesElsewhere,
        IReadOnlyList<CareNeeds> CareNeeds, MemberStatus Status, string? Notes, int Version);

    public static void MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/members").RequireAuthorization(MembersFeature.MemberFiles).WithTags("党员档案");

        members.MapGet("/", async Task<Results<Ok<MemberListResponse>, ValidationProblem>> (HttpRequest request, DoorstepDb db, PersonalDataProtector protector, TimeProvider clock) =>
        {
            var errors = new Dictionary<string, string[]>();
            var filter = MemberFilter.Read(request.Query, errors);
            var pageText = request.Query["page"].ToString();
            var page = pageText.Length == 0 ? 1 : int.TryParse(pageText, out var p) && p > 0 ? p : 0;
            if (page == 0)
            {
                errors["page"] = [$"页码“{pageText}”应为从1开始的整数。"];
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "查找条件有误");
            }

            var matches = filter.Matches(db, ChinaTime.Today(clock), protector);
            var total = await matches.CountAsync();
            var pager = new Pager(page, MemberQueries.PageSize, Math.Min(total, MemberQueries.CountLimit), _ => "");
            var items = await matches.PageAsync(pager.Skip);
            return TypedResults.Ok(new MemberListResponse(total, total > MemberQueries.CountLimit, pager.Current, pager.PageSize, items));
        }).WithSummary("查找党员：与列表页相同的搜索框与筛选条件（q、areaId、registeredAreaId、residenceAreaId、orgUnitId、minAge、minPartyAge、need、livesElsewhere、category、status、sort、page）");

        members.MapGet("/{id:int}", async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> (int id, DoorstepDb db) =>
            await FindAsync(db, id) is { } m ? TypedResults.Ok(Response(m)) : NotFound())
            .WithSummary("读取一份档案（证件号与手机号已遮盖）");

        members.MapPost("/", async Task<Results<Created<MemberResponse>, ValidationProblem, ProblemHttpResult>> (
            HttpRequest request, DoorstepDb db, MemberFiles files, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) =>
        {
            var (input, refusal) = await ReadAsync(request, json.Value.SerializerOptions);
            if (input is null)
            {
                return refusal!;
            }

            var state = new ModelStateDictionary();
            if (await files.CreateAsync(input, state) is not { } member)
            {
                return TypedResults.ValidationProblem(Errors(state), title: "档案未建立：有字段需要修改");
            }

            return TypedResults.Created($"/api/v1/members/{member.Id}", Response((await FindAsync(db, member.Id))!));
        }).RequireAuthorization(MembersFeature.EditMembers).Accepts<MemberInput>("application/json").WithSummary("建立一份档案");

        members.MapPut("/{id:int}", async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> (
            int id, HttpRequest request, DoorstepDb db, MemberFiles files, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) =>
        {
            var (input, refusal) = await ReadAsync(request, json.Value.SerializerOptions);
            if (input is null)
            {
                return refusal!;
            }

            var state = new ModelStateDictionary();
            var result = await files.UpdateAsync(id, input, state);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Conflict is { } conflict)
            {
                var others = conflict.Others;
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "档案已被他人修改",
                    detail: $"{others.Who} 已修改：" + string.Join("；", others.Changes.Select(c => $"{c.Field}：{c.Old ?? "（空）"} → {c.New ?? "（空）"}"))
                        + $"。当前版本为 {conflict.Current.Version}，请读取当前内容、核对后重新提交。");
            }

            if (result.Saved is null)
            {
                return TypedResults.ValidationProblem(Errors(state), title: "档案未保存：有字段需要修改");
            }

            return TypedResults.Ok(Response((await FindAsync(db, id))!));
        }).RequireAuthorization(MembersFeature.EditMembers).Accepts<MemberInput>("application/json").WithSummary("修改一份档案（须带上读取时的 version）");

        // Routing answers a known path with another method by an empty 405; say which methods there are.
        members.MapMethods("/", ["PUT", "PATCH", "DELETE"], (HttpContext context) => MethodNotAllowed(context, "GET, POST")).ExcludeFromDescription();
        members.MapMethods("/{id:int}", ["POST", "PATCH", "DELETE"], (HttpContext context) => MethodNotAllowed(context, "GET, PUT")).ExcludeFromDescription();
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: 404, title: "找不到该党员", detail: "该党员不存在，或不在您的管理范围内。");

    private static ProblemHttpResult MethodNotAllowed(HttpContext context, string allowed)
    {
        context.Response.Headers.Allow = allowed;
        return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "请求方式不正确", detail: $"此地址只接受 {allowed}。");
    }

    /// <summary>
    /// The body as a member input, or why not: 415 for anything but JSON in UTF-8, 400 naming the
    /// field whose value cannot be read (a date like 1950-13-01, an unknown enum name).
    /// </summary>
    private static async Task<(MemberInput? Input, ProblemHttpResult? Refusal)> ReadAsync(HttpRequest request, JsonSerializerOptions options)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            || type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "请求格式不支持",
                detail: "请以 JSON（Content-Type: application/json，UTF-8 编码）提交档案内容。"));
        }

        try
        {
            var input = await JsonSerializer.DeserializeAsync<MemberInput>(request.Body, options, request.HttpContext.RequestAborted);
            return input is null ? (null, Unreadable("", "请求内容不能为空，请提交一份档案的 JSON。")) : (input, null);
        }
        catch (JsonException e)
        {
            var key = FieldOf(e.Path);
            var field = MemberFields.Find(System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(key[..Math.Min(1, key.Length)]) + key[Math.Min(1, key.Length)..]);
            return (null, field is null
                ? Unreadable(key, key.Length == 0 ? "请求内容不是有效的 JSON。" : $"“{key}”的值无法读取。")
                : Unreadable(key, $"“{field.Label}”的格式不正确：{Hint(field.Kind)}"));
        }
    }

    /// <summary>$.careNeeds[0] → careNeeds; $ → "" (the body as a whole).</summary>
    private static string FieldOf(string? path)
    {
        var name = (path ?? "$").TrimStart('$').TrimStart('.');
        var end = name.IndexOfAny(['.', '[']);
        return end < 0 ? name : name[..end];
    }

    private static string Hint(MemberFieldKind kind) => kind switch
    {
        MemberFieldKind.Date => "请写成“1950-01-31”这样的日期。",
        MemberFieldKind.Gender => "请填写 Male（男）或 Female（女）。",
        MemberFieldKind.Category => "请填写 Full（正式党员）或 Probationary（预备党员）。",
        MemberFieldKind.Status => "请填写 " + string.Join("、", Enum.GetValues<MemberStatus>().Select(s => $"{s}（{Member.Label(s)}）")) + " 之一。",
        MemberFieldKind.CareNeeds => "请填写由 " + string.Join("、", MemberInput.CareNeedChoices.Select(n => $"{n}（{Member.Labels(n).Single()}）")) + " 组成的列表。",
        MemberFieldKind.Area or MemberFieldKind.OrgUnit => "请填写编号（整数）。",
        _ => "请填写文字。",
    };

    private static ProblemHttpResult Unreadable(string key, string message) => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(
        new Dictionary<string, string[]> { [key] = [message] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "档案内容无法读取",
    });

    private static Task<Member?> FindAsync(DoorstepDb db, int id) =>
        db.Members.AsNoTracking().Include(m => m.OrgUnit).FirstOrDefaultAsync(m => m.Id == id);

    private static Dictionary<string, string[]> Errors(ModelStateDictionary state) =>
        state.Where(e => e.Value!.Errors.Count > 0).ToDictionary(
            e => JsonNamingPolicy.CamelCase.ConvertName(e.Key.Replace(MemberFiles.Prefix, "", StringComparison.Ordinal)),
            e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray());

    private static MemberResponse Response(Member m) => new(
        m.Id, m.Name, m.Gender, m.Ethnicity, m.BirthDate, Masked.IdNumber(m.IdNumberTail), m.PhoneTail is null ? null : Masked.Phone(m.PhoneTail, m.PhoneAreaCode),
        m.Education, m.Category, m.JoinedOn, m.FullMemberOn, m.OrgUnitId, m.OrgUnit.Name, m.RegisteredAddress, m.RegisteredAreaId,
        m.ResidenceAddress, m.ResidenceAreaId, m.LivesElsewhere, MemberInput.CareNeedChoices.Where(n => m.CareNeeds.HasFlag(n)).ToList(),
        m.Status, m.Notes, m.Version);
}
