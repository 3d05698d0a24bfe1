using System.Text.Json;

namespace Doorstep.Features.Members.Import;

/// <summary>One thing wrong with the file: where (row as Excel numbers it, column as the file names it), what, and how to fix it.</summary>
public sealed record ImportProblem(int Row, string Column, string Message, string Fix);

public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>A file the import will change, with each field's old and new value (ID numbers and phones masked).</summary>
public sealed record ImportUpdate(int Row, string Name, string IdNumber, IReadOnlyList<FieldChange> Changes);

public sealed record ImportCreation(int Row, string Name, string IdNumber, string OrgUnit);

/// <summary>
/// What the check found, kept with the import for the preview. Lists are capped so that a
/// 100,000-row file keeps a page-sized report; the counts are always complete.
/// </summary>
public sealed record ImportReport(
    int Rows, int NewCount, int UpdateCount, int UnchangedCount, int ProblemCount,
    IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportUpdate> Updates, IReadOnlyList<ImportCreation> News,
    IReadOnlyList<string> IgnoredColumns, IReadOnlyList<string>? Notices = null)
{
    public const int MaxProblems = 500;
    public const int MaxUpdates = 300;
    public const int MaxNews = 100;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly ImportReport Empty = new(0, 0, 0, 0, 0, [], [], [], []);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportReport Read(string? json) =>
        json is null ? Empty : JsonSerializer.Deserialize<ImportReport>(json, Json) ?? Empty;
}
