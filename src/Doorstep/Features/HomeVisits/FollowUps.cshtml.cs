using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// 建言献策跟进: every suggestion from a visit, open ones first. The sub-district names who handles it,
/// moves it on and writes the answer; an area cadre reads how their members' suggestions stand.
/// </summary>
[Authorize(Policy = HomeVisitsFeature.Visit)]
public class FollowUpsModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    public sealed record Row(int Id, string Member, int MemberId, string Suggestion, string? Owner, FollowUpStatus Status, string? Answer, DateTime CreatedAt, int Version);

    public sealed class AnswerInput
    {
        [StringLength(100, ErrorMessage = "负责人不超过100个字。"), PlainText, Display(Name = "负责人")]
        public string? Owner { get; set; }

        public FollowUpStatus Status { get; set; }

        [StringLength(2000, ErrorMessage = "答复不超过2000个字。"), PlainText, Display(Name = "答复")]
        public string? Answer { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = Pager.Empty;
    public bool MayAnswer => User.IsInRole(Roles.SubDistrictAdmin);
    public int? FailedId { get; private set; }

    public Task OnGetAsync([FromQuery] int page = 1) => LoadAsync(page);

    public async Task<IActionResult> OnPostAsync(int id, [FromForm] int page = 1)
    {
        if (!MayAnswer)
        {
            return Forbid();
        }

        if (await db.InScope<VisitFollowUp>().FirstOrDefaultAsync(f => f.Id == id) is not { } followUp)
        {
            return NotFound();
        }

        if (Input.Status == FollowUpStatus.Answered && string.IsNullOrWhiteSpace(Input.Answer))
        {
            ModelState.AddModelError("Input.Answer", "标为“已答复”时请填写答复内容。");
        }

        if (!ModelState.IsValid)
        {
            FailedId = id;
            await LoadAsync(page);
            return Page();
        }

        db.Entry(followUp).Property(f => f.Version).OriginalValue = Input.Version;
        followUp.Owner = TextNormalizer.OrNull(Input.Owner);
        followUp.Answer = TextNormalizer.OrNull(Input.Answer);
        if (Input.Status == FollowUpStatus.Answered && followUp.Status != FollowUpStatus.Answered)
        {
            followUp.AnsweredAt = clock.GetUtcNow().UtcDateTime;
            followUp.AnsweredBy = db.CurrentUser.Name;
        }

        followUp.Status = Input.Status;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            FailedId = id;
            ModelState.AddModelError("", "保存前已有其他人修改了这条建议，请刷新后再改。");
            await LoadAsync(page);
            return Page();
        }

        return RedirectToPage("/HomeVisits/FollowUps", new { page });
    }

    private async Task LoadAsync(int page)
    {
        var followUps = db.InScope<VisitFollowUp>().AsNoTracking();
        Pager = new Pager(page, PageSize, await followUps.CountAsync(), p => PageLinks.WithPage(Url.Page("/HomeVisits/FollowUps")!, p));
        Rows = await followUps.OrderBy(f => f.Status == FollowUpStatus.Answered).ThenByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Skip(Pager.Skip).Take(Pager.PageSize)
            .Select(f => new Row(f.Id, db.Members.IgnoreQueryFilters().Where(m => m.Id == f.MemberId).Select(m => m.Name).FirstOrDefault() ?? "",
                f.MemberId, f.Suggestion, f.Owner, f.Status, f.Answer, f.CreatedAt, f.Version))
            .ToListAsync();
    }
}
