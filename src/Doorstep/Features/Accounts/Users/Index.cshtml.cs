using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Accounts.Users;

[Authorize(Policy = AccountsFeature.ManageUsers)]
public class IndexModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public int Total { get; private set; }
    public IReadOnlyList<AccountRow> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = Pager.Empty;
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var accounts = db.AccountsOfOwnSubDistrict();
        Total = await accounts.CountAsync();
        Pager = new Pager(page, AccountQueries.PageSize, Total, p => PageLinks.WithPage(Url.Page("/Accounts/Users/Index")!, p));
        Rows = await accounts.OrderBy(u => u.UserName).ThenBy(u => u.Id)
            .Skip(Pager.Skip).Take(AccountQueries.PageSize)
            .ToRows(db).ToListAsync();
    }
}
