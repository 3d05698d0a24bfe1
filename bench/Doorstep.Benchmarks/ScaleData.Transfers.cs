using System.Globalization;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Features.Transfers;

namespace Doorstep.Benchmarks;

public sealed partial class ScaleData
{
    private static readonly string[] OtherParties =
    [
        "浦东新区陆家嘴街道党工委", "杨浦区五角场街道党工委", "静安区彭浦新村街道党工委", "宝山区大场镇党委",
        "闵行区莘庄镇党委", "江苏省苏州市姑苏区双塔街道党工委", "浙江省嘉兴市南湖区建设街道党工委",
    ];

    private static readonly string[] Reasons = ["迁居", "随子女居住", "入住养老院", "工作调动", "购房迁入新居"];

    /// <summary>
    /// 组织关系接转 in proportion, taken through the transfer's own steps so that every row is one the
    /// app could have written: each file marked 已转出 went out by a completed outbound transfer; about
    /// 2 % of files moved between branches here, 1.5 % came in from outside, and a few transfers are
    /// under way or were returned. Completing a transfer moves or closes the (still unwritten) file.
    /// </summary>
    private static List<Transfer> Transfers(Random random, List<Member> members, IReadOnlyDictionary<int, OrgUnit> branches, DateTime now, int firstId)
    {
        var branchesOf = branches.Values.GroupBy(b => b.SubDistrictId).ToDictionary(g => g.Key, g => g.ToList());
        var transfers = new List<Transfer>();
        foreach (var member in members)
        {
            var roll = random.Next(1000);
            var leaving = member.Status == MemberStatus.TransferredOut;
            var mayMove = member.Status is MemberStatus.Normal or MemberStatus.Mobile;
            if (!leaving && (!mayMove || roll >= 40))
            {
                continue;
            }

            var actor = new TransferActor("generated", member.SubDistrictId, null, IsAdmin: true);
            var from = branches[member.OrgUnitId];
            var particulars = new TransferParticulars(null, null, null, Reasons[random.Next(Reasons.Length)]);
            var at = now.AddDays(-random.Next(30, 1400));
            Transfer transfer;
            if (leaving)
            {
                // The file was open until the transfer closed it.
                member.Status = MemberStatus.Normal;
                transfer = Transfer.Outward(member, from, null, particulars with { OtherParty = OtherParties[random.Next(OtherParties.Length)] }, actor, at);
            }
            else if (roll is >= 20 and < 35)
            {
                var person = new InboundPerson(member.Name, member.Gender, member.Ethnicity, member.BirthDate, member.Category, member.JoinedOn,
                    member.FullMemberOn, member.IdNumberCipher, member.IdNumberHash, member.IdNumberTail);
                transfer = Transfer.Inward(person, null, from, particulars with { OtherParty = OtherParties[random.Next(OtherParties.Length)] }, actor, at);
            }
            else
            {
                var others = branchesOf[member.SubDistrictId];
                var to = others[random.Next(others.Count)];
                if (to.Id == from.Id)
                {
                    continue;
                }

                transfer = Transfer.Outward(member, from, to, particulars, actor, at);
            }

            transfer.Id = firstId + transfers.Count;
            transfers.Add(transfer);

            // 35–38 stop on the way: under way at one of the three steps, or returned after the last.
            var lastStep = roll is >= 35 and < 39 && !leaving ? roll - 35 : 4;
            Step(lastStep > 0 ? transfer.Approve(actor, at = at.AddDays(random.Next(1, 8))) : null);
            Step(lastStep > 1 ? transfer.Accept(actor, at = at.AddDays(random.Next(1, 15))) : null);
            if (lastStep == 3)
            {
                Step(transfer.Return(actor, at.AddDays(1), "材料不全，请补齐后重新申请"));
            }
            else if (lastStep == 4 && transfer.Kind == TransferKind.Inbound)
            {
                // Complete would create a new file; here the generated member is that file.
                transfer.Status = TransferStatus.Completed;
                transfer.CompletedAt = at.AddDays(random.Next(0, 4));
                transfer.CompletedBy = actor.Name;
                transfer.MemberId = member.Id;
            }
            else if (lastStep == 4)
            {
                Step(transfer.Complete(actor, at.AddDays(random.Next(0, 4)), member));

                // SaveChanges keeps the holding area in step with the org unit; these rows bypass it.
                member.OrgUnitAreaId = branches[member.OrgUnitId].ResidentialAreaId;
            }
        }

        return transfers;

        static void Step(TransferError? refusal)
        {
            if (refusal is not null)
            {
                throw new InvalidOperationException($"generate: a transfer step was refused ({refusal.GetType().Name}).");
            }
        }
    }

    /// <summary>A transfer's audit in the shape the app writes it: created, then each step's status change.</summary>
    private static IEnumerable<AuditEntry> History(Transfer transfer, Func<long> nextId)
    {
        var transferId = transfer.Id.ToString(CultureInfo.InvariantCulture);
        AuditEntry Entry(DateTime at, string user, AuditAction action, string? old, string @new) => new()
        {
            Id = nextId(),
            OccurredAt = at,
            UserName = user,
            EntityType = nameof(Transfer),
            EntityId = transferId,
            Action = action,
            Changes = AuditTrail.Serialize([new AuditChange(nameof(Transfer.Status), old, @new)]),
        };

        yield return Entry(transfer.AppliedAt, transfer.AppliedBy, AuditAction.Created, null, nameof(TransferStatus.Applied));
        if (transfer.ApprovedAt is { } approved)
        {
            yield return Entry(approved, transfer.ApprovedBy!, AuditAction.Updated, nameof(TransferStatus.Applied), nameof(TransferStatus.ApprovedByOrigin));
        }

        if (transfer.AcceptedAt is { } accepted)
        {
            yield return Entry(accepted, transfer.AcceptedBy!, AuditAction.Updated, nameof(TransferStatus.ApprovedByOrigin), nameof(TransferStatus.AcceptedByDestination));
        }

        if (transfer.CompletedAt is { } completed)
        {
            yield return Entry(completed, transfer.CompletedBy!, AuditAction.Updated, nameof(TransferStatus.AcceptedByDestination), nameof(TransferStatus.Completed));
        }

        if (transfer.ReturnedAt is { } returned)
        {
            yield return Entry(returned, transfer.ReturnedBy!, AuditAction.Updated, transfer.ReturnedAtStep?.ToString(), nameof(TransferStatus.Returned));
        }
    }
}
