using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// 登记走访: the form a cadre fills in at the door. It carries an idempotency key from the moment it
/// opens (kept in the phone's draft by home-visits.js), so a send repeated after a lost answer or
/// from the offline outbox finds the visit already written and writes none (ADR 0017).
/// </summary>
[Authorize(Policy = HomeVisitsFeature.Visit)]
public class RecordModel(DoorstepDb db, VisitRecording recording, TimeProvider clock) : PageModel
{
    public sealed class VisitInput
    {
        public Guid Key { get; set; }

        [Required(ErrorMessage = "请选择走访结果。")]
        public VisitOutcome? Outcome { get; set; }

        public DateOnly? RevisitOn { get; set; }

        public List<string> Items { get; set; } = [];

        public bool TaughtListening { get; set; }

        [StringLength(2000, ErrorMessage = "学习心得不超过2000个字。"), PlainText, Display(Name = "学习心得")]
        public string? StudyNotes { get; set; }

        [StringLength(2000, ErrorMessage = "入党往事不超过2000个字。"), PlainText, Display(Name = "入党往事")]
        public string? Memories { get; set; }

        [StringLength(2000, ErrorMessage = "建言献策不超过2000个字。"), PlainText, Display(Name = "建言献策")]
        public string? Suggestions { get; set; }
    }

    public static readonly VisitOutcome[] Outcomes = Enum.GetValues<VisitOutcome>();

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Photo { get; set; }

    public VisitTask Task { get; private set; } = null!;

    /// <summary>Whose visit a send recorded, for the message on 我的走访.</summary>
    private string memberName = "";

    private const int EarlierShown = 20;

    /// <summary>The task's latest visits (a revisit shows what the last one found), newest first.</summary>
    public IReadOnlyList<LedgerModel.VisitLine> Earlier { get; private set; } = [];

    public DateOnly Today { get; } = ChinaTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(int taskId)
    {
        if (await LoadAsync(taskId) is { } missing)
        {
            return missing;
        }

        Input = new VisitInput { Key = Guid.NewGuid(), Items = Task.Campaign.PackageItems.ToList() };
        return await ShowAsync();
    }

    /// <summary>
    /// A send reads only what it writes (the task, the member's name, the package) and looks its key up
    /// only when it is refused: a stored visit's resend is caught by the key's unique index, and one
    /// that would now be refused (the task closed since) is still answered as stored.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(int taskId)
    {
        var sent = await db.InScope<VisitTask>().Where(t => t.Id == taskId)
            .Select(t => new { Task = t, MemberName = t.Member.Name, t.Campaign.Package }).FirstOrDefaultAsync();
        if (sent is null)
        {
            return NotFound();
        }

        Task = sent.Task;
        memberName = sent.MemberName;
        if (Input.Key == Guid.Empty)
        {
            ModelState.AddModelError("", "表单已过期，请重新打开本页再登记。");
        }

        if (Input.Outcome is { } outcome && HomeVisit.AsksForRevisit(outcome))
        {
            if (Input.RevisitOn is not { } on)
            {
                ModelState.AddModelError("Input.RevisitOn", $"“{HomeVisit.Label(outcome)}”需要约定再访日期。");
            }
            else if (on < Today)
            {
                ModelState.AddModelError("Input.RevisitOn", "再访日期不能早于今天。");
            }
        }

        var package = VisitCampaign.ItemsOf(sent.Package);
        if (Input.Items.Any(i => !package.Contains(i)))
        {
            ModelState.AddModelError("Input.Items", "送达物品须从本次活动的送学物品中选择。");
        }

        if (Task.Status == VisitTaskStatus.Closed)
        {
            ModelState.AddModelError("", "这项走访任务已关闭，无需再登记。");
        }

        if (!ModelState.IsValid)
        {
            if (Input.Key != Guid.Empty && await recording.VisitWithKeyAsync(Input.Key, HttpContext.RequestAborted) is not null)
            {
                // A resend of a visit already written (the answer to the first send was lost): nothing to do.
                return Recorded(duplicate: true);
            }

            return await LoadAsync(taskId) ?? await ShowAsync();
        }

        await using var photo = Photo?.OpenReadStream();
        var report = new VisitReport(
            Input.Outcome!.Value, Input.RevisitOn, Input.Items, Input.TaughtListening,
            TextNormalizer.OrNull(Input.StudyNotes), TextNormalizer.OrNull(Input.Memories), TextNormalizer.OrNull(Input.Suggestions));
        var result = await recording.RecordAsync(Task, Input.Key, report, photo, HttpContext.RequestAborted);
        if (result.PhotoRefusal is { } refusal)
        {
            ModelState.AddModelError("Photo", refusal);
            return await LoadAsync(taskId) ?? await ShowAsync();
        }

        return Recorded(result.Duplicate);
    }

    private RedirectToPageResult Recorded(bool duplicate)
    {
        TempData["Recorded"] = duplicate ? $"{memberName}的走访已经登记过，没有重复记录。" : $"已登记{memberName}的走访。";
        return RedirectToPage("/HomeVisits/Mine");
    }

    private async Task<IActionResult?> LoadAsync(int taskId)
    {
        var task = await db.InScope<VisitTask>().Include(t => t.Member).Include(t => t.Campaign).FirstOrDefaultAsync(t => t.Id == taskId);
        if (task is null)
        {
            return NotFound();
        }

        Task = task;
        return null;
    }

    /// <summary>The page with the earlier visits: read only when the form is shown, never for a send that is stored.</summary>
    private async Task<PageResult> ShowAsync()
    {
        var taskId = Task.Id;
        Earlier = (await db.InScope<HomeVisit>().AsNoTracking()
                .Where(v => v.TaskId == taskId)
                .OrderByDescending(v => v.VisitedAt).Take(EarlierShown)
                .Select(v => new { v.Id, v.VisitedAt, v.Outcome, v.VisitedBy, v.ItemsDelivered, v.TaughtListening, HasPhoto = v.PhotoFileId != null })
                .ToListAsync())
            .Select(v => new LedgerModel.VisitLine(v.Id, v.VisitedAt, v.Outcome, v.VisitedBy, v.ItemsDelivered.Replace('\n', '、'), v.TaughtListening, v.HasPhoto))
            .ToList();
        return Page();
    }

    public int Age => Member.AgeOn(Task.Member.BirthDate, Today);
}
