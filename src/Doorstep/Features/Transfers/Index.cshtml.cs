using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Transfers;

[Authorize(Policy = TransfersFeature.HandleTransfers)]
public class IndexModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public enum Tab { Mine, UnderWay, Closed }

    public Tab Current { get; private set; }
    public IReadOnlyDictionary<Tab, int> Counts { get; private set; } = new Dictionary<Tab, int>();
    public IReadOnlyList<TransferRow> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = Pager.Empty;
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    public async Task OnGetAsync(Tab tab = Tab.Mine, [FromQuery] int page = 1)
    {
        Current = tab;
        var actor = TransferActor.From(db.CurrentUser);
        var transfers = db.Transfers.AsNoTracking();
        var lists = new Dictionary<Tab, IQueryable<Transfer>>
        {
            [Tab.Mine] = transfers.AwaitingStepBy(actor).OrderBy(t => t.AppliedAt).ThenBy(t => t.Id),
            [Tab.UnderWay] = transfers.UnderWay().OrderBy(t => t.AppliedAt).ThenBy(t => t.Id),
            [Tab.Closed] = transfers.Closed().OrderByDescending(t => t.CompletedAt ?? t.ReturnedAt).ThenByDescending(t => t.Id),
        };

        var counts = new Dictionary<Tab, int>();
        foreach (var (key, list) in lists)
        {
            counts[key] = await list.CountAsync();
        }

        Counts = counts;
        Pager = new Pager(page, TransferQueries.PageSize, counts[tab], p => PageLinks.WithPage(Url.Page("/Transfers/Index", new { tab })!, p));
        Rows = await lists[tab].Skip(Pager.Skip).Take(Pager.PageSize).ToRows().ToListAsync();
    }

    public static string Label(Tab tab) => tab switch
    {
        Tab.Mine => "待我处理",
        Tab.UnderWay => "进行中",
        Tab.Closed => "已办结",
    };
}
