using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

[Authorize(Policy = MembersFeature.MemberFiles)]
public class IndexModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public string? Q { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<MemberRow> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = Pager.Empty;
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    // From the query only: Razor Pages puts the page's own path in the route value "page", which
    // would otherwise win the binding, fail to convert and leave every visit on the first page.
    public async Task OnGetAsync(string? q, [FromQuery] int page = 1)
    {
        Q = q;
        var members = db.Search(q);
        Total = await members.CountAsync();
        Pager = new Pager(page, MemberQueries.PageSize, Total, p => $"/Members?q={Uri.EscapeDataString(q ?? "")}&page={p}");
        Rows = await members.OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Skip(Pager.Skip).Take(MemberQueries.PageSize)
            .ToRows().ToListAsync();
    }
}
