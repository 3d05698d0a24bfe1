using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>
/// /Members/FullExport?{the list's query string}: asks the sub-district admin why, records the reason,
/// filter and row count in the audit, then sends the list with full ID numbers and phones.
/// </summary>
[Authorize(Policy = MembersFeature.FullExport)]
public class FullExportModel(DoorstepDb db, PersonalDataProtector protector, TimeProvider clock) : PageModel
{
    public sealed class FullExportInput
    {
        [Display(Name = "导出理由")]
        [Required(ErrorMessage = "请写明导出理由（5至200个字）。")]
        [StringLength(200, MinimumLength = 5, ErrorMessage = "导出理由须为5至200个字。")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public FullExportInput Input { get; set; } = new();

    public MemberFilter Filter { get; private set; } = new();
    public string FilterText { get; private set; } = "";
    public int Total { get; private set; }

    public Task OnGetAsync([FromQuery] MemberFilter filter) => ShowAsync(filter);

    public async Task<IActionResult> OnPostAsync([FromQuery] MemberFilter filter)
    {
        // A reason of blanks is no reason: count what is left after trimming. The audit keeps it as typed.
        Input.Reason = Input.Reason?.Trim();
        ModelState.Clear();
        if (!TryValidateModel(Input, nameof(Input)))
        {
            await ShowAsync(filter);
            return Page();
        }

        return await MemberSpreadsheet.ExportAsync(db, protector, filter.Sanitized(), ChinaTime.Today(clock), Input.Reason);
    }

    private async Task ShowAsync(MemberFilter filter)
    {
        Filter = filter = filter.Sanitized();
        FilterText = await filter.DescribeAsync(db);
        Total = await filter.Apply(db, ChinaTime.Today(clock), protector).CountAsync();
    }
}
