using Doorstep.Data;
using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Transfers;

/// <summary>The transfers of a member's file as events on its timeline: each step with who and when.</summary>
public sealed class TransferTimeline(DoorstepDb db, LinkGenerator links) : IMemberTimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> ForAsync(Member member)
    {
        var events = new List<TimelineEvent>();
        await foreach (var (t, from, to) in Transfers.For(db)(db, member.Id))
        {
            var href = links.GetPathByPage("/Transfers/Details", values: new { id = t.Id });
            var kind = t.Kind == TransferKind.Inbound ? "转入" : "转出";
            events.Add(new(t.AppliedAt, t.AppliedBy, $"申请组织关系{kind}：{from} → {to}", [], href));
            if (t.ApprovedAt is { } approved)
            {
                events.Add(new(approved, t.ApprovedBy ?? "", $"组织关系接转：{Transfer.StepLabel(t.Kind, TransferStatus.Applied)}通过（介绍信编号 {t.LetterNumber}）", [], href));
            }

            if (t.AcceptedAt is { } accepted)
            {
                events.Add(new(accepted, t.AcceptedBy ?? "", $"组织关系接转：{Transfer.StepLabel(t.Kind, TransferStatus.ApprovedByOrigin)}", [], href));
            }

            if (t.CompletedAt is { } completed)
            {
                events.Add(new(completed, t.CompletedBy ?? "", $"组织关系接转完成：档案{(t.Kind == TransferKind.Outbound ? $"转往{to}，状态改为已转出" : $"转入{to}")}", [], href));
            }

            if (t.ReturnedAt is { } returned)
            {
                events.Add(new(returned, t.ReturnedBy ?? "", $"组织关系接转退回：{t.ReturnReason}", [], href));
            }
        }

        return events;
    }

    // Compiled, as every timeline source's queries (see MemberTimeline). The member was loaded in
    // scope by the caller, so its whole history is theirs to read, including a transfer between two
    // areas neither of which is the reader's (an earlier move).
    private static readonly CompiledPerModel<Func<DoorstepDb, int, IAsyncEnumerable<TransferWithParties>>> Transfers = new(() => EF.CompileAsyncQuery((DoorstepDb db, int memberId) =>
        db.Transfers.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.MemberId == memberId)
            .Select(t => new TransferWithParties(
                t,
                t.FromOrgUnit != null ? t.FromOrgUnit.Name : t.OtherParty,
                t.ToOrgUnit != null ? t.ToOrgUnit.Name : t.OtherParty))));

    private sealed record TransferWithParties(Transfer Transfer, string? From, string? To);
}
