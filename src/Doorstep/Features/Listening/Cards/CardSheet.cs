namespace Doorstep.Features.Listening.Cards;

/// <summary>Cards just issued, with the page address their QR codes open.</summary>
public sealed record CardSheet(IReadOnlyList<CardIssue.IssuedCard> Cards, Func<string, string> UrlOf);
