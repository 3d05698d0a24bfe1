using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

[Authorize(Policy = MembersFeature.MemberFiles)]
public class DetailsModel(
    DoorstepDb db, TimeProvider clock, IAuthorizationService authorization, PersonalDataProtector protector,
    IEnumerable<IMemberTimelineSource> timelineSources, IEnumerable<MemberFileLink> fileLinks) : PageModel
{
    public bool CanEdit { get; private set; }
    public IReadOnlyList<MemberFileLink> Links { get; private set; } = [];
    public Member Member { get; private set; } = null!;
    public IReadOnlyList<TimelineEvent> Timeline { get; private set; } = [];
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    /// <summary>A full ID number or phone the user chose to see; shown once, never kept in the page's links.</summary>
    public string? RevealedIdNumber { get; private set; }
    public string? RevealedPhone { get; private set; }

    public Task<IActionResult> OnGetAsync(int id) => ShowAsync(id);

    /// <summary>A number as a tel: link dials it: digits, and a leading + (021-6543 2100 → 02165432100).</summary>
    public static string Dialable(string phone) =>
        string.Concat(TextNormalizer.Halfwidth(phone).Where((c, i) => char.IsAsciiDigit(c) || c == '+' && i == 0));

    /// <summary>Shows one protected value in full, for a permitted role, and records who saw whose what.</summary>
    public async Task<IActionResult> OnPostRevealAsync(int id, string field)
    {
        if (!(await authorization.AuthorizeAsync(User, MembersFeature.EditMembers)).Succeeded)
        {
            return Forbid();
        }

        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (member is null)
        {
            return NotFound();
        }

        switch (field)
        {
            case "IdNumber":
                RevealedIdNumber = protector.Decrypt(member.IdNumberCipher);
                db.RecordView(nameof(Member), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "查看完整公民身份号码");
                break;
            case "Phone" when member.PhoneCipher is not null:
                RevealedPhone = protector.Decrypt(member.PhoneCipher);
                db.RecordView(nameof(Member), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "查看完整手机号");
                break;
            default:
                return BadRequest();
        }

        await db.SaveChangesAsync();
        return await ShowAsync(id);
    }

    private async Task<IActionResult> ShowAsync(int id)
    {
        // Out of scope and nonexistent look the same: 404, so an ID guess learns nothing.
        var member = await MemberQueries.FileAsync(db, id);
        if (member is null)
        {
            return NotFound();
        }

        Member = member;
        CanEdit = (await authorization.AuthorizeAsync(User, MembersFeature.EditMembers)).Succeeded;
        var links = new List<MemberFileLink>();
        foreach (var link in fileLinks)
        {
            if ((await authorization.AuthorizeAsync(User, link.Policy)).Succeeded)
            {
                links.Add(link);
            }
        }

        Links = links;
        Timeline = await MemberTimeline.WithSourcesAsync(db, member, timelineSources);
        return Page();
    }
}
