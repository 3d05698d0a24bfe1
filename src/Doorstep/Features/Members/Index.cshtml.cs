using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
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

    public async Task OnGetAsync(string? q, int page = 1)
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
