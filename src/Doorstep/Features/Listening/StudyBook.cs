using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Listening;

/// <summary>
/// 必读书目: a book of the sub-district's library, read aloud chapter by chapter. Managed by the
/// sub-district; a card holder reads the books of their own member's sub-district (the card pages
/// ask for them by that sub-district, see <see cref="Shelf"/>).
/// </summary>
public class StudyBook : IScoped<StudyBook>
{
    public static ScopeDeclaration<StudyBook> Scope { get; } = new ScopeDeclaration<StudyBook>()
        .ReadWrite(ScopeKind.SubDistrict, b => b.SubDistrictId);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }

    public required string Title { get; set; }

    public string? Author { get; set; }

    /// <summary>Where the book stands on the shelf: smaller first.</summary>
    public int Position { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<StudyChapter> Chapters { get; set; } = [];
}
