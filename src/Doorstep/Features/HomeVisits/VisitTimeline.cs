using Doorstep.Data;
using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>The member's visits and the follow-ups of their suggestions, on their file's timeline.</summary>
public sealed class VisitTimeline(DoorstepDb db, LinkGenerator links) : IMemberTimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> ForAsync(Member member)
    {
        // The member was loaded in scope by the caller; a visit recorded while the file was held by
        // another area belongs to the member's history all the same.
        var visits = await db.Set<HomeVisit>().IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.MemberId == member.Id)
            .OrderByDescending(v => v.VisitedAt).Take(50)
            .Select(v => new { v.Id, v.VisitedAt, v.VisitedBy, v.Outcome, v.RevisitOn, Campaign = v.Task.Campaign.Title, HasPhoto = v.PhotoFileId != null })
            .ToListAsync();
        var followUps = await db.Set<VisitFollowUp>().IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.MemberId == member.Id)
            .OrderByDescending(f => f.CreatedAt).Take(50)
            .Select(f => new { f.CreatedAt, f.Suggestion, f.Status, f.Answer, f.AnsweredAt, f.AnsweredBy })
            .ToListAsync();

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
}
