using Doorstep.Data;
using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>The member's visits and the follow-ups of their suggestions, on their file's timeline.</summary>
public sealed class VisitTimeline(DoorstepDb db, LinkGenerator links) : IMemberTimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> ForAsync(Member member)
    {
        var visits = await Visits.For(db)(db, member.Id).ToListAsync();
        var followUps = await FollowUps.For(db)(db, member.Id).ToListAsync();

        var events = new List<TimelineEvent>();
        foreach (var v in visits)
        {
            var revisit = v.RevisitOn is { } on ? $"，约定 {Infrastructure.ChinaTime.Date(on)} 再访" : "";
            // A photo opens from the entry (the photo route lets whoever may read this file see it).
            events.Add(v.HasPhoto
                ? new(v.VisitedAt, v.VisitedBy, $"送学上门（{v.Campaign}）：{HomeVisit.Label(v.Outcome)}{revisit}（附走访照片，点击查看）", [],
                    links.GetPathByPage("/HomeVisits/Photo", values: new { id = v.Id }))
                : new(v.VisitedAt, v.VisitedBy, $"送学上门（{v.Campaign}）：{HomeVisit.Label(v.Outcome)}{revisit}", []));
        }

        foreach (var f in followUps)
        {
            events.Add(new(f.CreatedAt, "", $"建言献策：{f.Suggestion}（{VisitFollowUp.Label(f.Status)}）", []));
            if (f.AnsweredAt is { } answered)
            {
                events.Add(new(answered, f.AnsweredBy ?? "", $"建言献策已答复：{f.Answer}", []));
            }
        }

        return events;
    }

    // Compiled, as every timeline source's queries (see MemberTimeline). The member was loaded in
    // scope by the caller; a visit recorded while the file was held by another area belongs to the
    // member's history all the same.
    private static readonly CompiledPerModel<Func<DoorstepDb, int, IAsyncEnumerable<Visited>>> Visits = new(() => EF.CompileAsyncQuery((DoorstepDb db, int memberId) =>
        db.Set<HomeVisit>().IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.MemberId == memberId)
            .OrderByDescending(v => v.VisitedAt).Take(50)
            .Select(v => new Visited(v.Id, v.VisitedAt, v.VisitedBy, v.Outcome, v.RevisitOn, v.Task.Campaign.Title, v.PhotoFileId != null))));

    private static readonly CompiledPerModel<Func<DoorstepDb, int, IAsyncEnumerable<Suggested>>> FollowUps = new(() => EF.CompileAsyncQuery((DoorstepDb db, int memberId) =>
        db.Set<VisitFollowUp>().IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.MemberId == memberId)
            .OrderByDescending(f => f.CreatedAt).Take(50)
            .Select(f => new Suggested(f.CreatedAt, f.Suggestion, f.Status, f.Answer, f.AnsweredAt, f.AnsweredBy))));

    private sealed record Visited(int Id, DateTime VisitedAt, string VisitedBy, VisitOutcome Outcome, DateOnly? RevisitOn, string Campaign, bool HasPhoto);

    private sealed record Suggested(DateTime CreatedAt, string Suggestion, FollowUpStatus Status, string? Answer, DateTime? AnsweredAt, string? AnsweredBy);
}
