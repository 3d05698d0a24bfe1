using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorstep.Features.Members;

/// <summary>GET /Members/Export?{the list's query string}: the filtered list as .xlsx, ID numbers and phones masked.</summary>
[Authorize(Policy = MembersFeature.MemberFiles)]
public class ExportModel(DoorstepDb db, PersonalDataProtector protector, TimeProvider clock) : PageModel
{
    public Task<IActionResult> OnGetAsync([FromQuery] MemberFilter filter) =>
        MemberSpreadsheet.ExportAsync(db, protector, filter.Sanitized(), ChinaTime.Today(clock), revealReason: null);
}
