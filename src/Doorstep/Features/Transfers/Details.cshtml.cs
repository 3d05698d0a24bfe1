using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Transfers;

/// <summary>One transfer: its steps with who and when, and the step the current user owns.</summary>
[Authorize(Policy = TransfersFeature.HandleTransfers)]
public class DetailsModel(DoorstepDb db, TimeProvider clock, MemberFileListeners listeners) : PageModel
{
    public Transfer Transfer { get; private set; } = null!;
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public bool MemberVisible { get; private set; }
    public bool OwnsNextStep { get; private set; }
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    /// <summary>Why the step just tried was not taken.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The version the page was opened with: a step on a transfer that moved on since is refused.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? ReturnReason { get; set; }

    public bool CanPrintLetter => Transfer.Kind != TransferKind.Inbound && Transfer.ApprovedAt is not null;

    public Task<IActionResult> OnGetAsync(int id) => ShowAsync(id);

    public Task<IActionResult> OnPostApproveAsync(int id) => ActAsync(id, (t, actor, now) => Task.FromResult(t.Approve(actor, now)));

    public Task<IActionResult> OnPostAcceptAsync(int id) => ActAsync(id, (t, actor, now) => Task.FromResult(t.Accept(actor, now)));

    public Task<IActionResult> OnPostReturnAsync(int id)
    {
        var reason = TextNormalizer.OrNull(ReturnReason);
        if (reason?.Length > 500)
        {
            reason = reason[..500];
        }

        return ActAsync(id, (t, actor, now) => Task.FromResult(t.Return(actor, now, reason)));
    }

    public Task<IActionResult> OnPostCompleteAsync(int id) => ActAsync(id, async (t, actor, now) =>
    {
        Member? file = null;
        if (t.Status == TransferStatus.AcceptedByDestination && t.MayComplete(actor))
        {
            // Past the Members filter on purpose, and only here: the transfer was found in this user's
            // scope and they own its completion. The receiving area completes a file it cannot see until
            // it lands; DoorstepDb.GuardScopeAsync still checks where it lands.
            file = t.Kind == TransferKind.Inbound && t.MemberId is null
                ? await db.Members.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.IdNumberHash == t.IdNumberHash)
                : await db.Members.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Id == t.MemberId);
        }

        return t.Complete(actor, now, file);
    });

    private async Task<IActionResult> ActAsync(int id, Func<Transfer, TransferActor, DateTime, Task<TransferError?>> step)
    {
        // Out of scope and nonexistent look the same: 404, so a guessed ID learns nothing.
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == id);
        if (transfer is null)
        {
            return NotFound();
        }

        db.Entry(transfer).Property(t => t.Version).OriginalValue = Version;
        var refusal = await step(transfer, TransferActor.From(db.CurrentUser), clock.GetUtcNow().UtcDateTime);
        if (refusal is not null)
        {
            Refusal = refusal.Message;
        }
        else
        {
            try
            {
                await db.SaveChangesAsync();
                // A completed transfer moves or closes a member file; a step that does not is answered as cheaply.
                await listeners.TellAsync();
                return RedirectToPage("/Transfers/Details", new { id });
            }
            catch (DbUpdateConcurrencyException)
            {
                Refusal = "在您办理期间，这项转接或该党员的档案已被他人改动。请看下方的最新进度后再办理。";
            }
        }

        db.ChangeTracker.Clear();
        return await ShowAsync(id);
    }

    private async Task<IActionResult> ShowAsync(int id)
    {
        var transfer = await db.Transfers.AsNoTracking()
            .Include(t => t.FromOrgUnit).Include(t => t.ToOrgUnit)
            .FirstOrDefaultAsync(t => t.Id == id);
        if (transfer is null)
        {
            return NotFound();
        }

        Transfer = transfer;
        // After a refused step the form must carry the version shown now, not the one posted.
        ModelState.Remove(nameof(Version));
        Version = transfer.Version;
        From = transfer.FromOrgUnit?.Name ?? transfer.OtherParty ?? "";
        To = transfer.ToOrgUnit?.Name ?? transfer.OtherParty ?? "";
        MemberVisible = transfer.MemberId is { } memberId && await db.Members.AnyAsync(m => m.Id == memberId);
        OwnsNextStep = transfer.OwnsNextStep(TransferActor.From(db.CurrentUser));
        return Page();
    }
}
