using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>
/// Issuing a card replaces the member's earlier ones (a lost card must stop working), and revoking
/// stops them all. The token exists only in the response that prints it: the database keeps its hash.
/// </summary>
public static class CardIssue
{
    public sealed record IssuedCard(int MemberId, string Name, string Area, string Token);

    public static async Task<IReadOnlyList<IssuedCard>> IssueAsync(DoorstepDb db, PersonalDataProtector protector, CardHolders holders, DateTime now, IReadOnlyCollection<int> memberIds)
    {
        // Members as this user sees them: an id outside the scope is simply not found.
        var members = await db.MembersInScope.Where(m => memberIds.Contains(m.Id))
            .Select(m => new { Member = m, Area = m.OrgUnit.Name }).ToListAsync();
        await MarkRevokedAsync(db, now, members.Select(m => m.Member.Id).ToList());
        var issued = new List<IssuedCard>();
        foreach (var m in members.OrderBy(m => m.Member.NamePinyin))
        {
            var token = CardToken.New();
            db.ListeningCards.Add(new ListeningCard
            {
                Member = m.Member,
                MemberId = m.Member.Id,
                SubDistrictId = m.Member.SubDistrictId,
                TokenHash = CardToken.Hash(token, protector),
                IssuedAt = now,
                IssuedBy = db.CurrentUser.Name,
            });
            issued.Add(new IssuedCard(m.Member.Id, m.Member.Name, m.Area, token));
        }

        await db.SaveChangesAsync();
        holders.Forget();
        return issued;
    }

    /// <summary>Revokes the members' cards and saves; the number of cards revoked.</summary>
    public static async Task<int> RevokeAsync(DoorstepDb db, CardHolders holders, DateTime now, IReadOnlyCollection<int> memberIds)
    {
        var revoked = await MarkRevokedAsync(db, now, memberIds);
        await db.SaveChangesAsync();
        holders.Forget();
        return revoked;
    }

    private static async Task<int> MarkRevokedAsync(DoorstepDb db, DateTime now, IReadOnlyCollection<int> memberIds)
    {
        // The member comes along: the area's write rule reads the card's member.
        var cards = await db.ListeningCards.Include(c => c.Member).Where(c => memberIds.Contains(c.MemberId) && c.RevokedAt == null).ToListAsync();
        foreach (var card in cards)
        {
            card.RevokedAt = now;
            card.RevokedBy = db.CurrentUser.Name;
        }

        return cards.Count;
    }
}
