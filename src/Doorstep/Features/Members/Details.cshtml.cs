using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

[Authorize(Policy = MembersFeature.MemberFiles)]
public class DetailsModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public Member Member { get; private set; } = null!;
    public IReadOnlyList<TimelineEvent> Timeline { get; private set; } = [];
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // Out of scope and nonexistent look the same: 404, so an ID guess learns nothing.
        var member = await db.Members.AsNoTracking()
            .Include(m => m.OrgUnit).Include(m => m.RegisteredArea).Include(m => m.ResidenceArea)
            .FirstOrDefaultAsync(m => m.Id == id);
        if (member is null)
        {
            return NotFound();
        }

        Member = member;
        Timeline = await MemberTimeline.ForAsync(db, member);
        return Page();
    }
}
