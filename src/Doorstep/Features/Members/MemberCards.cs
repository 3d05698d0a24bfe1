namespace Doorstep.Features.Members;

/// <summary>
/// A card a member carries (today the 随身听 card) used to name the member where they stand: a cadre
/// at an activity's door scans it and the member is checked in. The feature that issues cards
/// answers; others ask through this point and know nothing of cards (ADR 0024). Saying who holds a
/// card grants nothing: the caller still finds the member through its own scope.
/// </summary>
public interface IMemberCardReader
{
    /// <summary>The member whose working card this is, from what a scanner typed (the card's URL or its bare token); null when none.</summary>
    Task<int?> MemberOfAsync(string scanned, CancellationToken cancellationToken);
}
