using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Features.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    /// <summary>Index names the query-plan tests look for; short enough for PostgreSQL's 63 characters.</summary>
    public const string ListOrderInSubDistrict = "IX_Members_SubDistrict_ListOrder";
    public const string ListOrderInArea = "IX_Members_OrgUnitArea_ListOrder";
    public const string AgeInSubDistrict = "IX_Members_SubDistrict_Age";
    public const string AgeInArea = "IX_Members_OrgUnitArea_Age";
    public const string LivesElsewhereInSubDistrict = "IX_Members_SubDistrict_LivesElsewhere";

    public void Configure(EntityTypeBuilder<Member> e)
    {
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.NameInitials).HasMaxLength(50);
        e.Property(x => x.NamePinyin).HasMaxLength(350);
        e.Property(x => x.Ethnicity).HasMaxLength(20);
        e.Property(x => x.IdNumberCipher).HasMaxLength(200);
        e.Property(x => x.IdNumberHash).HasMaxLength(64);
        e.Property(x => x.IdNumberTail).HasMaxLength(4);
        e.Property(x => x.PhoneCipher).HasMaxLength(200);
        e.Property(x => x.PhoneHash).HasMaxLength(64);
        e.Property(x => x.PhoneTail).HasMaxLength(4);
        e.Property(x => x.PhoneAreaCode).HasMaxLength(4);
        e.Property(x => x.Education).HasMaxLength(20);
        e.Property(x => x.RegisteredAddress).HasMaxLength(200);
        e.Property(x => x.ResidenceAddress).HasMaxLength(200);
        e.Property(x => x.Notes).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();

        e.HasOne(x => x.OrgUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.RegisteredArea).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ResidenceArea).WithMany().OnDelete(DeleteBehavior.Restrict);

        e.HasIndex(x => x.IdNumberHash).IsUnique();
        e.HasIndex(x => x.PhoneHash);
        e.HasIndex(x => new { x.OrgUnitId, x.Name });

        // The hot lists read these without touching the table (see ADR 8 and QueryPlanTests): each
        // index holds the scope's columns, so the scope filter, a count and a name search run on the
        // index alone, and its order is the list's order, so a page is the next 20 entries. Each ends
        // with PendingImportId, which the filter tests too (files an import has not yet made visible).
        // The list's order is the full pinyin; the initials ride along, so that a search by initials
        // seeks the range of its first letter and tests the rest on the index entries.
        e.HasIndex(x => new { x.SubDistrictId, x.NamePinyin, x.Name, x.Id, x.OrgUnitAreaId, x.NameInitials, x.PendingImportId }, ListOrderInSubDistrict);
        // The area's index also carries the status, for the area reports that leave out closed files.
        e.HasIndex(x => new { x.OrgUnitAreaId, x.NamePinyin, x.Name, x.Id, x.SubDistrictId, x.NameInitials, x.PendingImportId, x.Status }, ListOrderInArea);
        e.HasIndex(x => new { x.SubDistrictId, x.BirthDate, x.Id, x.CareNeeds, x.OrgUnitAreaId, x.PendingImportId }, AgeInSubDistrict);
        e.HasIndex(x => new { x.OrgUnitAreaId, x.BirthDate, x.Id, x.CareNeeds, x.SubDistrictId, x.PendingImportId }, AgeInArea);
        e.HasIndex(x => new { x.SubDistrictId, x.RegisteredAreaId, x.ResidenceAreaId, x.Status, x.OrgUnitAreaId, x.ResidenceAddress, x.PendingImportId }, LivesElsewhereInSubDistrict);
        // Finds an import's invisible files to make them visible, or to remove them after a failure.
        // Partial: it holds only those files, so no planner takes it for "PendingImportId IS NULL",
        // which every other file matches (SQLite did, for a district user's list, without statistics).
        e.HasIndex(x => x.PendingImportId).HasFilter("\"PendingImportId\" IS NOT NULL");
        e.HasIndex(x => x.IdNumberTail);
        e.HasIndex(x => x.PhoneTail);
        e.HasIndex(x => x.ResidenceAreaId);
        e.HasIndex(x => x.RegisteredAreaId);
    }
}

internal sealed class TemporaryBranchMembershipConfiguration : IEntityTypeConfiguration<TemporaryBranchMembership>
{
    public void Configure(EntityTypeBuilder<TemporaryBranchMembership> e)
    {
        e.HasKey(x => new { x.OrgUnitId, x.MemberId });
        e.HasOne(x => x.Member).WithMany(m => m.TemporaryBranches).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.OrgUnit).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.MemberId);
    }
}
