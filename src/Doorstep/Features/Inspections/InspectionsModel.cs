using Doorstep.Features.Organizations;
using Doorstep.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Features.Inspections;

internal sealed class ProblemSpotConfiguration : IEntityTypeConfiguration<ProblemSpot>
{
    public void Configure(EntityTypeBuilder<ProblemSpot> e)
    {
        e.Property(x => x.Description).HasMaxLength(500);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.ReporterName).HasMaxLength(100);
        e.Property(x => x.ResidentPhoneCipher).HasMaxLength(200);
        e.Property(x => x.ResidentPhoneHash).HasMaxLength(64);
        e.Property(x => x.ResidentPhoneTail).HasMaxLength(4);
        e.Property(x => x.ResidentPhoneAreaCode).HasMaxLength(5);
        e.Property(x => x.ResponsiblePerson).HasMaxLength(100);
        e.Property(x => x.ReportedBy).HasMaxLength(256);
        e.Property(x => x.FixedBy).HasMaxLength(256);
        e.Property(x => x.FixedByUserId).HasMaxLength(64);
        e.Property(x => x.VerifiedBy).HasMaxLength(256);
        e.Property(x => x.FixNote).HasMaxLength(500);
        e.Property(x => x.LastReason).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();

        e.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<InspectionPoint>().WithMany().HasForeignKey(x => x.InspectionPointId).OnDelete(DeleteBehavior.Restrict);

        // Each user's list seeks by their own key, then status, newest first; the figures group the same.
        e.HasIndex(x => new { x.SubDistrictId, x.Status, x.DueAt });
        e.HasIndex(x => new { x.AreaId, x.Status, x.DueAt });
        e.HasIndex(x => new { x.DepartmentId, x.Status, x.DueAt });
        // Duplicates nearby: open spots of one area and category.
        e.HasIndex(x => new { x.AreaId, x.CategoryId, x.Status });
        e.HasIndex(x => x.ReportedAt);
        // A sub-district's recent spots (统计, hot spots, Open311): its last 90 days, not its five years.
        e.HasIndex(x => new { x.SubDistrictId, x.ReportedAt });
        // A volunteer's own reports, newest first.
        e.HasIndex(x => new { x.ReporterVolunteerId, x.ReportedAt });
    }
}

internal sealed class InspectionCategoryConfiguration : IEntityTypeConfiguration<InspectionCategory>
{
    public void Configure(EntityTypeBuilder<InspectionCategory> e)
    {
        e.Property(x => x.Name).HasMaxLength(30);
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SubDistrictId, x.Name }).IsUnique();
    }
}

internal sealed class ResponsibilityRuleConfiguration : IEntityTypeConfiguration<ResponsibilityRule>
{
    public void Configure(EntityTypeBuilder<ResponsibilityRule> e)
    {
        e.Property(x => x.ResponsiblePerson).HasMaxLength(100);
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<InspectionCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AreaId, x.CategoryId }).IsUnique();
        e.HasIndex(x => x.DepartmentId);
    }
}

internal sealed class SpotUpdateConfiguration : IEntityTypeConfiguration<SpotUpdate>
{
    public void Configure(EntityTypeBuilder<SpotUpdate> e)
    {
        e.Property(x => x.By).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(500);
        e.HasOne<ProblemSpot>().WithMany().HasForeignKey(x => x.ProblemSpotId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProblemSpotId, x.Id });
    }
}

internal sealed class InspectionPointConfiguration : IEntityTypeConfiguration<InspectionPoint>
{
    public void Configure(EntityTypeBuilder<InspectionPoint> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AreaId, x.Order });
    }
}

internal sealed class InspectionRoundConfiguration : IEntityTypeConfiguration<InspectionRound>
{
    public void Configure(EntityTypeBuilder<InspectionRound> e)
    {
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.AreaId).IsUnique();
    }
}

internal sealed class RoundWalkConfiguration : IEntityTypeConfiguration<RoundWalk>
{
    public void Configure(EntityTypeBuilder<RoundWalk> e)
    {
        e.Property(x => x.Inspector).HasMaxLength(256);
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Checks).WithOne().HasForeignKey(x => x.RoundWalkId).OnDelete(DeleteBehavior.Cascade);
        // One walk per area and date: two inspectors on the same Thursday share it.
        e.HasIndex(x => new { x.AreaId, x.Date }).IsUnique();
    }
}

internal sealed class PointCheckConfiguration : IEntityTypeConfiguration<PointCheck>
{
    public void Configure(EntityTypeBuilder<PointCheck> e)
    {
        e.HasOne<InspectionPoint>().WithMany().HasForeignKey(x => x.InspectionPointId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ProblemSpot>().WithMany().HasForeignKey(x => x.ProblemSpotId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.RoundWalkId, x.InspectionPointId }).IsUnique();
    }
}

internal sealed class AreaPlanConfiguration : IEntityTypeConfiguration<AreaPlan>
{
    public void Configure(EntityTypeBuilder<AreaPlan> e)
    {
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.AreaId).IsUnique();
    }
}
