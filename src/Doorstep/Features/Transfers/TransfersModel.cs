using Doorstep.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Features.Transfers;

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> e)
    {
        e.Property(x => x.MemberName).HasMaxLength(50);
        e.Property(x => x.Ethnicity).HasMaxLength(20);
        e.Property(x => x.IdNumberCipher).HasMaxLength(200);
        e.Property(x => x.IdNumberHash).HasMaxLength(64);
        e.Property(x => x.IdNumberTail).HasMaxLength(4);
        e.Property(x => x.OtherParty).HasMaxLength(100);
        e.Property(x => x.LetterNumber).HasMaxLength(50);
        e.Property(x => x.Contact).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(200);
        e.Property(x => x.ReturnReason).HasMaxLength(500);
        e.Property(x => x.AppliedBy).HasMaxLength(256);
        e.Property(x => x.ApprovedBy).HasMaxLength(256);
        e.Property(x => x.AcceptedBy).HasMaxLength(256);
        e.Property(x => x.CompletedBy).HasMaxLength(256);
        e.Property(x => x.ReturnedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();

        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.FromOrgUnit).WithMany().HasForeignKey(x => x.FromOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ToOrgUnit).WithMany().HasForeignKey(x => x.ToOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.FromAreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.ToAreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);

        e.HasIndex(x => new { x.MemberId, x.Status });
        e.HasIndex(x => x.FromOrgUnitId);
        e.HasIndex(x => x.ToOrgUnitId);
        e.HasIndex(x => new { x.SubDistrictId, x.Status });
        e.HasIndex(x => x.IdNumberHash);

        // One transfer under way per file, even when two people apply in the same second. Statuses
        // are stored as numbers: 0, 1, 2 are Applied, ApprovedByOrigin, AcceptedByDestination.
        // The filter is plain SQL that SQLite and PostgreSQL read alike.
        e.HasIndex(x => x.MemberId, "IX_Transfers_MemberId_Pending").IsUnique().HasFilter("\"Status\" IN (0, 1, 2)");
    }
}
