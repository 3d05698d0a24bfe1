using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>/api/v1/members: search, read, create, update, with the same scope, rules and audit as the pages.</summary>
public static class MembersApi
{
    public sealed record MemberListResponse(int Total, int Page, int PageSize, IReadOnlyList<MemberRow> Items);

    public sealed record MemberResponse(
        int Id, string Name, Gender Gender, string Ethnicity, DateOnly BirthDate, string IdNumberMasked, string? PhoneMasked,
        string? Education, MemberCategory Category, DateOnly? JoinedOn, DateOnly? FullMemberOn, int OrgUnitId, string OrgUnit,
        string? RegisteredAddress, int? RegisteredAreaId, string? ResidenceAddress, int? ResidenceAreaId, bool LivesElsewhere,
        IReadOnlyList<CareNeeds> CareNeeds, MemberStatus Status, string? Notes, int Version);

    public static void MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/members").RequireAuthorization(MembersFeature.MemberFiles).WithTags("党员档案");

        members.MapGet("/", async ([AsParameters] MemberFilter filter, int? page, DoorstepDb db, PersonalDataProtector protector, TimeProvider clock) =>
        {
            var query = filter.Apply(db, ChinaTime.Today(clock), protector);
            var total = await query.CountAsync();
            var pager = new Pager(page ?? 1, MemberQueries.PageSize, total, _ => "");
            var items = await filter.Page(db, query, pager.Skip).ToListAsync();
            return TypedResults.Ok(new MemberListResponse(total, pager.Current, pager.PageSize, items));
        }).WithSummary("查找党员：与列表页相同的搜索框与筛选条件");

        members.MapGet("/{id:int}", async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> (int id, DoorstepDb db) =>
            await FindAsync(db, id) is { } m ? TypedResults.Ok(Response(m)) : NotFound())
            .WithSummary("读取一份档案（证件号与手机号已遮盖）");

        members.MapPost("/", async Task<Results<Created<MemberResponse>, ValidationProblem>> (MemberInput input, DoorstepDb db, PersonalDataProtector protector, IServiceProvider services) =>
        {
            var state = Validate(input, services);
            var member = await MemberCreation.CreateAsync(db, protector, input, state);
            if (member is null)
            {
                return TypedResults.ValidationProblem(Errors(state), title: "档案未建立：有字段需要修改");
            }

            var created = (await FindAsync(db, member.Id))!;
            return TypedResults.Created($"/api/v1/members/{member.Id}", Response(created));
        }).RequireAuthorization(MembersFeature.EditMembers).WithSummary("建立一份档案");

        members.MapPut("/{id:int}", async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> (
            int id, MemberInput input, DoorstepDb db, PersonalDataProtector protector, IServiceProvider services) =>
        {
            var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id);
            if (member is null)
            {
                return NotFound();
            }

            var state = Validate(input, services);
            if (input.NormalizedIdNumber is { } idNumber && protector.Hash(idNumber) is var hash && hash != member.IdNumberHash
                && await db.Members.IgnoreQueryFilters().AnyAsync(m => m.IdNumberHash == hash))
            {
                state.AddModelError("Input.IdNumber", "该身份证号已有另一份档案，请核对。");
            }

            if (!state.IsValid)
            {
                return TypedResults.ValidationProblem(Errors(state), title: "档案未保存：有字段需要修改");
            }

            db.Entry(member).Property(m => m.Version).OriginalValue = input.Version;
            input.ApplyTo(member, protector);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.Members.AsNoTracking().FirstAsync(m => m.Id == id);
                var others = await MemberTimeline.ChangesSinceAsync(db, current, input.Version);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "档案已被他人修改",
                    detail: $"{others.Who} 已修改：" + string.Join("；", others.Changes.Select(c => $"{c.Field}：{c.Old ?? "（空）"} → {c.New ?? "（空）"}")) + $"。当前版本为 {current.Version}，请核对后重新提交。");
            }

            return TypedResults.Ok(Response((await FindAsync(db, id))!));
        }).RequireAuthorization(MembersFeature.EditMembers).WithSummary("修改一份档案（须带上读取时的 version）");
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: 404, title: "找不到该党员", detail: "该党员不存在，或不在您的管理范围内。");

    private static Task<Member?> FindAsync(DoorstepDb db, int id) =>
        db.Members.AsNoTracking().Include(m => m.OrgUnit).FirstOrDefaultAsync(m => m.Id == id);

    private static ModelStateDictionary Validate(MemberInput input, IServiceProvider services)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input, services, null), results, validateAllProperties: true);
        var state = new ModelStateDictionary();
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                state.AddModelError("Input." + member, result.ErrorMessage ?? "内容不正确。");
            }
        }

        return state;
    }

    private static Dictionary<string, string[]> Errors(ModelStateDictionary state) =>
        state.Where(e => e.Value!.Errors.Count > 0).ToDictionary(
            e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Key.Replace("Input.", "", StringComparison.Ordinal)),
            e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray());

    private static MemberResponse Response(Member m) => new(
        m.Id, m.Name, m.Gender, m.Ethnicity, m.BirthDate, Masked.IdNumber(m.IdNumberTail), m.PhoneTail is null ? null : Masked.Phone(m.PhoneTail, m.PhoneAreaCode),
        m.Education, m.Category, m.JoinedOn, m.FullMemberOn, m.OrgUnitId, m.OrgUnit.Name, m.RegisteredAddress, m.RegisteredAreaId,
        m.ResidenceAddress, m.ResidenceAreaId, m.LivesElsewhere, MemberInput.CareNeedChoices.Where(n => m.CareNeeds.HasFlag(n)).ToList(),
        m.Status, m.Notes, m.Version);
}
