using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Transfers;

/// <summary>On the home page: the transfers waiting for a step the user owns.</summary>
public sealed class TransferFigures(DoorstepDb db) : IHomeFigures
{
    public string Policy => TransfersFeature.HandleTransfers;
    public int Order => 30;

    public async Task<IReadOnlyList<HomeFigure>> CountAsync() =>
    [
        new(await db.Transfers.AwaitingStepBy(TransferActor.From(db.CurrentUser)).CountAsync(), "件组织关系接转待我办理", "/Transfers/Index", new { tab = IndexModel.Tab.Mine }),
    ];
}
