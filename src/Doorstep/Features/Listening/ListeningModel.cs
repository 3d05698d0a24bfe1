using Doorstep.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Features.Listening;

/// <summary>The listening tables, named on the context without editing it (C# 14 extension members).</summary>
public static class ListeningSets
{
    extension(DoorstepDb db)
    {
        public DbSet<StudyBook> StudyBooks => db.Set<StudyBook>();
        public DbSet<StudyChapter> StudyChapters => db.Set<StudyChapter>();
        public DbSet<ListeningCard> ListeningCards => db.Set<ListeningCard>();
        public DbSet<ListeningProgress> ListeningProgress => db.Set<ListeningProgress>();
        public DbSet<ListeningPreference> ListeningPreferences => db.Set<ListeningPreference>();
        public DbSet<ListeningSummary> ListeningSummaries => db.Set<ListeningSummary>();
    }
}

internal sealed class StudyBookConfiguration : IEntityTypeConfiguration<StudyBook>
{
    public void Configure(EntityTypeBuilder<StudyBook> e)
    {
        e.ToTable("StudyBooks");
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Author).HasMaxLength(100);
        e.HasIndex(x => new { x.SubDistrictId, x.Position });
    }
}

internal sealed class StudyChapterConfiguration : IEntityTypeConfiguration<StudyChapter>
{
    public void Configure(EntityTypeBuilder<StudyChapter> e)
    {
        e.ToTable("StudyChapters");
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Text).HasMaxLength(StudyChapter.MaxTextLength);
        e.HasOne(x => x.Book).WithMany(b => b.Chapters).HasForeignKey(x => x.BookId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.BookId, x.Number }).IsUnique();
    }
}

internal sealed class ListeningCardConfiguration : IEntityTypeConfiguration<ListeningCard>
{
    public void Configure(EntityTypeBuilder<ListeningCard> e)
    {
        e.ToTable("ListeningCards");
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.Property(x => x.IssuedBy).HasMaxLength(256);
        e.Property(x => x.RevokedBy).HasMaxLength(256);
        // Every card request looks its card up by this hash.
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => new { x.MemberId, x.RevokedAt });
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListeningProgressConfiguration : IEntityTypeConfiguration<ListeningProgress>
{
    public void Configure(EntityTypeBuilder<ListeningProgress> e)
    {
        e.ToTable("ListeningProgress");
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<StudyChapter>().WithMany().HasForeignKey(x => x.ChapterId).OnDelete(DeleteBehavior.Cascade);
        // One row per member and chapter: each save updates it in place. Every read is one member's
        // rows (a few dozen), so no index holds UpdatedAt, which each tick changes (ADR 0034).
        e.HasIndex(x => new { x.MemberId, x.ChapterId }).IsUnique();
    }
}

internal sealed class ListeningSummaryConfiguration : IEntityTypeConfiguration<ListeningSummary>
{
    public void Configure(EntityTypeBuilder<ListeningSummary> e)
    {
        e.ToTable("ListeningSummaries");
        // Keyed by the member: on SQLite the table itself is in member order, and a seek reads one small row.
        e.HasKey(x => x.MemberId);
        e.Property(x => x.MemberId).ValueGeneratedNever();
        e.HasOne(x => x.Member).WithOne().HasForeignKey<ListeningSummary>(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListeningPreferenceConfiguration : IEntityTypeConfiguration<ListeningPreference>
{
    public void Configure(EntityTypeBuilder<ListeningPreference> e)
    {
        e.ToTable("ListeningPreferences");
        e.Property(x => x.MarkedBy).HasMaxLength(256);
        e.HasIndex(x => x.MemberId).IsUnique();
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
