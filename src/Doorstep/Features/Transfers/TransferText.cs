namespace Doorstep.Features.Transfers;

/// <summary>
/// Free text on a transfer (names of organisations, reasons, contacts) is prose copied onto a letter:
/// blanks are collapsed, but full-width punctuation （，：） stays as typed, unlike TextNormalizer,
/// which is for names and numbers.
/// </summary>
public static class TransferText
{
    public static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
