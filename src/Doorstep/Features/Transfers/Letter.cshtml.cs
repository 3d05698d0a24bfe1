using System.Globalization;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Transfers;

/// <summary>
/// 中国共产党党员组织关系介绍信 in its three parts (存根, 介绍信, 回执), ready to print once the origin
/// has approved. The ID number is printed in full only for the sub-district admin, and that read is
/// audited on the member's file; everyone else prints it masked and fills it in by hand.
/// </summary>
[Authorize(Policy = TransfersFeature.HandleTransfers)]
public class LetterModel(DoorstepDb db, PersonalDataProtector protector) : PageModel
{
    public Transfer Transfer { get; private set; } = null!;
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public string IdNumber { get; private set; } = "";
    public int Age { get; private set; }
    public DateOnly Date { get; private set; }
    public DateOnly ValidUntil => Date.AddDays(Transfer.LetterValidDays);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var transfer = await db.Transfers.AsNoTracking()
            .Include(t => t.FromOrgUnit).Include(t => t.ToOrgUnit)
            .FirstOrDefaultAsync(t => t.Id == id);
        // An inbound transfer arrives with the other side's letter; ours is issued when the origin approves.
        if (transfer is null || transfer.Kind == TransferKind.Inbound || transfer.LetterDate is not { } date)
        {
            return NotFound();
        }

        Transfer = transfer;
        Date = date;
        Age = Member.AgeOn(transfer.BirthDate, date);
        From = Organisation(transfer.FromOrgUnit, transfer.OtherParty);
        To = Organisation(transfer.ToOrgUnit, transfer.OtherParty);
        if (db.CurrentUser.Scope.Kind == ScopeKind.SubDistrict)
        {
            IdNumber = protector.Decrypt(transfer.IdNumberCipher);
            db.RecordView(nameof(Member), transfer.MemberId!.Value.ToString(CultureInfo.InvariantCulture), $"打印组织关系介绍信（第{transfer.LetterNumber}号，含完整公民身份号码）");
            await db.SaveChangesAsync();
        }
        else
        {
            IdNumber = Masked.IdNumber(transfer.IdNumberTail);
        }

        return Page();
    }

    /// <summary>A unit of ours is named as its party organisation (中共…); an outside one as its letter names it.</summary>
    private static string Organisation(OrgUnit? unit, string? outside) => unit is null ? outside ?? "" : "中共" + unit.Name;
}
