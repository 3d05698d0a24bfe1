using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Listening;

/// <summary>
/// 随身听卡: a printed card whose QR code carries a long random token (<see cref="CardToken"/>). Only
/// the token's keyed hash is kept: the database alone cannot open anyone's shelf. A replaced or
/// revoked card stops working at once (every request looks the card up).
/// </summary>
public class ListeningCard : IScoped<ListeningCard>
{
    /// <summary>
    /// The sub-district and the area whose unit holds the member's file issue and revoke cards. The
    /// area is read through the member (always loaded when a card is written), so a member who moves
    /// takes their card to the new area's cadre.
    /// </summary>
    public static ScopeDeclaration<ListeningCard> Scope { get; } = new ScopeDeclaration<ListeningCard>()
        .ReadWrite(ScopeKind.SubDistrict, c => c.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, (c, area) => c.Member.OrgUnitAreaId == area);

    public int Id { get; set; }
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int SubDistrictId { get; set; }

    /// <summary>HMAC-SHA256 of the token under a key derived from the personal-data key, hex.</summary>
    public required string TokenHash { get; set; }

    public DateTime IssuedAt { get; set; }
    public string? IssuedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
