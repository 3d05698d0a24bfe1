using Doorstep.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Features.HomeVisits;

internal sealed class VisitCampaignConfiguration : IEntityTypeConfiguration<VisitCampaign>
{
    public void Configure(EntityTypeBuilder<VisitCampaign> e)
    {
        e.ToTable("VisitCampaigns");
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.Package).HasMaxLength(2000);
        e.Property(x => x.AreaIds).HasMaxLength(1000);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.StartedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SubDistrictId, x.Status });
    }
}

internal sealed class VisitTaskConfiguration : IEntityTypeConfiguration<VisitTask>
{
    public void Configure(EntityTypeBuilder<VisitTask> e)
    {
        e.ToTable("VisitTasks");
        e.Property(x => x.AssignedToId).HasMaxLength(64);
        e.Property(x => x.AssignedToName).HasMaxLength(256);
        e.HasOne(x => x.Campaign).WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);

        // One task per member and campaign: the start job and the reconciliation may race and retry.
        e.HasIndex(x => new { x.CampaignId, x.MemberId }).IsUnique();
        // Coverage (a campaign's tasks grouped by area and status) and 我的走访 (an area's outstanding
        // tasks of the running campaigns, by assignee), both read from the index alone.
        e.HasIndex(x => new { x.CampaignId, x.AreaId, x.Status, x.RevisitOn, x.AssignedToId });
        // The outstanding tasks a sub-district user was given, across campaigns.
        e.HasIndex(x => new { x.AssignedToId, x.Status });
        e.HasIndex(x => x.MemberId);
    }
}

internal sealed class HomeVisitConfiguration : IEntityTypeConfiguration<HomeVisit>
{
    public void Configure(EntityTypeBuilder<HomeVisit> e)
    {
        e.ToTable("HomeVisits");
        e.Property(x => x.ItemsDelivered).HasMaxLength(2000);
        e.Property(x => x.StudyNotes).HasMaxLength(2000);
        e.Property(x => x.Memories).HasMaxLength(2000);
        e.Property(x => x.Suggestions).HasMaxLength(2000);
        e.Property(x => x.VisitedBy).HasMaxLength(256);
        e.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        e.HasIndex(x => new { x.TaskId, x.VisitedAt });
        e.HasIndex(x => new { x.MemberId, x.VisitedAt });
    }
}

internal sealed class VisitFollowUpConfiguration : IEntityTypeConfiguration<VisitFollowUp>
{
    public void Configure(EntityTypeBuilder<VisitFollowUp> e)
    {
        e.ToTable("VisitFollowUps");
        e.Property(x => x.Suggestion).HasMaxLength(2000);
        e.Property(x => x.Owner).HasMaxLength(100);
        e.Property(x => x.Answer).HasMaxLength(2000);
        e.Property(x => x.AnsweredBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<HomeVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.VisitId).IsUnique();
        e.HasIndex(x => new { x.SubDistrictId, x.Status });
        e.HasIndex(x => x.MemberId);
    }
}
