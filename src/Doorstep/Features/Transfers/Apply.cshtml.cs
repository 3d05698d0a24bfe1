using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Transfers;

/// <summary>办理组织关系转出: from a member's file, to another unit here or to a party organisation outside.</summary>
[Authorize(Policy = TransfersFeature.HandleTransfers)]
public class ApplyModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public sealed class ApplyInput
    {
        public TransferKind Kind { get; set; } = TransferKind.Internal;

        [Display(Name = "转入的党组织")]
        public int? ToOrgUnitId { get; set; }

        [Display(Name = "转入的党组织名称")]
        [StringLength(100, ErrorMessage = "党组织名称不能超过100个字。")]
        public string? OtherParty { get; set; }

        [Display(Name = "介绍信编号")]
        [StringLength(50, ErrorMessage = "介绍信编号不能超过50个字。")]
        public string? LetterNumber { get; set; }

        [Display(Name = "对方联系人及电话")]
        [StringLength(100, ErrorMessage = "联系人及电话不能超过100个字。")]
        public string? Contact { get; set; }

        [Display(Name = "转接原因")]
        [StringLength(200, ErrorMessage = "转接原因不能超过200个字。")]
        public string? Reason { get; set; }

        public TransferParticulars Particulars => new(TextNormalizer.OrNull(OtherParty), TextNormalizer.OrNull(LetterNumber), TextNormalizer.OrNull(Contact), TextNormalizer.OrNull(Reason));
    }

    [BindProperty]
    public ApplyInput Input { get; set; } = new();

    public Member Member { get; private set; } = null!;
    public DateOnly Today { get; } = ChinaTime.Today(clock);
    public IReadOnlyList<UnitGroup> Units { get; private set; } = [];

    /// <summary>Why no transfer can be opened for this member at all; the form is not shown.</summary>
    public TransferError? Refusal { get; private set; }

    /// <summary>The transfer under way for this member, when the user can see it.</summary>
    public int? PendingTransferId { get; private set; }

    private bool _pending;

    public async Task<IActionResult> OnGetAsync(int memberId)
    {
        // Out of scope and nonexistent look the same: 404.
        if (await LoadAsync(memberId) is not { } member)
        {
            return NotFound();
        }

        var draft = Transfer.Outward(member, member.OrgUnit, null, Input.Particulars, Actor, Now);
        Refusal = draft.RefusalToOpen(member.Status, _pending, Actor);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId)
    {
        if (await LoadAsync(memberId) is not { } member)
        {
            return NotFound();
        }

        var to = Input.Kind switch
        {
            TransferKind.Internal when Input.ToOrgUnitId is { } id && Units.SelectMany(g => g.Units).Any(u => u.Id == id) =>
                await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == id),
            _ => null,
        };
        switch (Input.Kind)
        {
            case TransferKind.Internal when to is null:
                ModelState.AddModelError("Input.ToOrgUnitId", "请选择转入的党组织。");
                break;
            case TransferKind.Outbound when Input.Particulars.OtherParty is null:
                ModelState.AddModelError("Input.OtherParty", "请填写转入的党组织名称，如“中共××区××街道工作委员会”。");
                break;
            case TransferKind.Inbound:
                return BadRequest();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var transfer = Transfer.Outward(member, member.OrgUnit, to, Input.Particulars, Actor, Now);
        if (transfer.RefusalToOpen(member.Status, _pending, Actor) is { } refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }

        db.Transfers.Add(transfer);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            if (await TransferQueries.PendingForAsync(db, member.Id, member.IdNumberHash) is null)
            {
                throw;
            }

            // Someone opened one for the same member a moment earlier: the unique index refused the second.
            ModelState.AddModelError("", new AnotherTransferPending().Message);
            return Page();
        }

        return RedirectToPage("/Transfers/Details", new { id = transfer.Id });
    }

    private TransferActor Actor => TransferActor.From(db.CurrentUser);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Member?> LoadAsync(int memberId)
    {
        var member = await db.Members.AsNoTracking().Include(m => m.OrgUnit).FirstOrDefaultAsync(m => m.Id == memberId);
        if (member is null)
        {
            return null;
        }

        Member = member;
        Units = (await TransferQueries.HoldingUnitsAsync(db))
            .Select(g => g with { Units = g.Units.Where(u => u.Id != member.OrgUnitId).ToList() })
            .Where(g => g.Units.Count > 0)
            .ToList();
        var pending = await TransferQueries.PendingForAsync(db, member.Id, member.IdNumberHash);
        _pending = pending is not null;
        PendingTransferId = pending is { } id && await db.Transfers.AnyAsync(t => t.Id == id) ? id : null;

        return member;
    }
}
