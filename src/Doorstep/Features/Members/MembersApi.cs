using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>/api/v1/members: the same scope and masking as the pages, for other systems and scripts.</summary>
public static class MembersApi
{
    public sealed record MemberListResponse(int Total, int Page, int PageSize, IReadOnlyList<MemberRow> Items);

    public sealed record MemberResponse(
        int Id, string Name, string Gender, string Ethnicity, DateOnly BirthDate, string IdNumberMasked, string? PhoneMasked,
        string? Education, string Category, DateOnly? JoinedOn, DateOnly? FullMemberOn, int OrgUnitId, string OrgUnit,
        int? RegisteredAreaId, int? ResidenceAreaId, bool LivesAwayFromRegistration, IReadOnlyList<string> CareNeeds, string Status, int Version);

    public static void MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/members").RequireAuthorization(MembersFeature.MemberFiles);

        members.MapGet("/", async (DoorstepDb db, string? q, int? page) =>
        {
            var query = db.Search(q);
            var total = await query.CountAsync();
            var pager = new Pager(page ?? 1, MemberQueries.PageSize, total, _ => "");
            var items = await query.OrderBy(m => m.Name).ThenBy(m => m.Id)
                .Skip(pager.Skip).Take(pager.PageSize).ToRows().ToListAsync();
            return TypedResults.Ok(new MemberListResponse(total, pager.Current, pager.PageSize, items));
        });

        members.MapGet("/{id:int}", async Task<IResult> (DoorstepDb db, int id) =>
        {
            var m = await db.Members.AsNoTracking().Include(x => x.OrgUnit).FirstOrDefaultAsync(x => x.Id == id);
            return m is null
                ? TypedResults.Problem(statusCode: 404, title: "找不到该党员", detail: "该党员不存在，或不在您的管理范围内。")
                : TypedResults.Ok(new MemberResponse(
                    m.Id, m.Name, Member.Label(m.Gender), m.Ethnicity, m.BirthDate, Masked.IdNumber(m.IdNumberTail),
                    m.PhoneTail is null ? null : Masked.Phone(m.PhoneTail), m.Education, Member.Label(m.Category),
                    m.JoinedOn, m.FullMemberOn, m.OrgUnitId, m.OrgUnit.Name, m.RegisteredAreaId, m.ResidenceAreaId,
                    m.LivesAwayFromRegistration, Member.Labels(m.CareNeeds).ToList(), Member.Label(m.Status), m.Version));
        });
    }
}
