using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Transfers;

/// <summary>
/// 登记从街道外转入: a member arrives with a letter from a party organisation outside. The file is
/// created (or an earlier, transferred-out file reopened) when the transfer completes, not before.
/// </summary>
[Authorize(Policy = TransfersFeature.HandleTransfers)]
public class ApplyInboundModel(DoorstepDb db, TimeProvider clock, PersonalDataProtector protector) : PageModel
{
    public sealed class InboundInput : IValidatableObject
    {
        [Display(Name = "姓名")]
        [Required(ErrorMessage = "请填写姓名。")]
        [StringLength(50, ErrorMessage = "姓名不能超过50个字。")]
        [PlainText]
        public string Name { get; set; } = "";

        [Display(Name = "性别")]
        public Gender Gender { get; set; }

        [Display(Name = "民族")]
        [Required(ErrorMessage = "请填写民族，如“汉族”。")]
        [StringLength(20, ErrorMessage = "民族不能超过20个字。")]
        public string Ethnicity { get; set; } = "汉族";

        [Display(Name = "公民身份号码")]
        [Required(ErrorMessage = "请填写18位公民身份号码。")]
        [IdNumber]
        public string IdNumber { get; set; } = "";

        [Display(Name = "党员类别")]
        public MemberCategory Category { get; set; }

        [Display(Name = "入党日期")]
        public DateOnly? JoinedOn { get; set; }

        [Display(Name = "转正日期")]
        public DateOnly? FullMemberOn { get; set; }

        [Display(Name = "转入的党组织")]
        [Required(ErrorMessage = "请选择转入的党组织。")]
        public int? ToOrgUnitId { get; set; }

        [Display(Name = "转出的党组织")]
        [Required(ErrorMessage = "请填写介绍信上的转出党组织，如“中共××区××街道工作委员会”。")]
        [StringLength(100, ErrorMessage = "党组织名称不能超过100个字。")]
        public string? OtherParty { get; set; }

        [Display(Name = "介绍信编号")]
        [Required(ErrorMessage = "请填写介绍信上的编号。")]
        [StringLength(50, ErrorMessage = "介绍信编号不能超过50个字。")]
        public string? LetterNumber { get; set; }

        [Display(Name = "对方联系人及电话")]
        [StringLength(100, ErrorMessage = "联系人及电话不能超过100个字。")]
        public string? Contact { get; set; }

        [Display(Name = "转接原因")]
        [StringLength(200, ErrorMessage = "转接原因不能超过200个字。")]
        public string? Reason { get; set; }

        public string NormalizedIdNumber => TextNormalizer.Compact(IdNumber ?? "").ToUpperInvariant();

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var today = ChinaTime.Today(validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System);
            return PartyDates.Check(Members.IdNumber.BirthDate(NormalizedIdNumber), JoinedOn, FullMemberOn, Category, today);
        }

        public TransferParticulars Particulars => new(TextNormalizer.OrNull(OtherParty), TextNormalizer.OrNull(LetterNumber), TextNormalizer.OrNull(Contact), TextNormalizer.OrNull(Reason));
    }

    [BindProperty]
    public InboundInput Input { get; set; } = new();

    public IReadOnlyList<UnitGroup> Units { get; private set; } = [];
    public int? PendingTransferId { get; private set; }

    public async Task OnGetAsync() => Units = await UnitsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Units = await UnitsAsync();
        var to = Input.ToOrgUnitId is { } toId && Units.SelectMany(g => g.Units).Any(u => u.Id == toId)
            ? await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == toId)
            : null;
        if (Input.ToOrgUnitId is not null && to is null)
        {
            ModelState.AddModelError("Input.ToOrgUnitId", "请选择您管理范围内的党组织。");
        }

        if (!ModelState.IsValid || to is null)
        {
            return Page();
        }

        var idNumber = Input.NormalizedIdNumber;
        var hash = protector.Hash(idNumber);
        // A file with this number may be held anywhere: only its status is read, to refuse the
        // transfer (the file is on record) or to reopen it (the member once transferred out).
        var earlier = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.IdNumberHash == hash).Select(m => new { m.Id, m.Status }).FirstOrDefaultAsync();
        var pending = await TransferQueries.PendingForAsync(db, earlier?.Id, hash);
        PendingTransferId = pending is { } id && await db.Transfers.AnyAsync(t => t.Id == id) ? id : null;

        var person = new InboundPerson(
            TextNormalizer.Normalize(Input.Name), Input.Gender, TextNormalizer.Normalize(Input.Ethnicity), Members.IdNumber.BirthDate(idNumber)!.Value,
            Input.Category, Input.JoinedOn, Input.FullMemberOn, protector.Encrypt(idNumber), hash, idNumber[^4..]);
        var actor = TransferActor.From(db.CurrentUser);
        var transfer = Transfer.Inward(
            person, earlier?.Status == MemberStatus.TransferredOut ? earlier.Id : null, to, Input.Particulars, actor, clock.GetUtcNow().UtcDateTime);
        if (transfer.RefusalToOpen(earlier?.Status, pending is not null, actor) is { } refusal)
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
            if (await TransferQueries.PendingForAsync(db, earlier?.Id, hash) is null)
            {
                throw;
            }

            ModelState.AddModelError("", new AnotherTransferPending().Message);
            return Page();
        }

        return RedirectToPage("/Transfers/Details", new { id = transfer.Id });
    }

    /// <summary>An area cadre receives into their own area's units; the admin into any of the sub-district.</summary>
    private Task<IReadOnlyList<UnitGroup>> UnitsAsync() =>
        TransferQueries.HoldingUnitsAsync(db, db.CurrentUser.Scope.Kind == ScopeKind.ResidentialArea ? db.CurrentUser.Scope.ResidentialAreaId : null);
}
