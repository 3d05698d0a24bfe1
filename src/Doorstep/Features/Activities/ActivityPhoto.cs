using Doorstep.Data;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Features.Activities;

/// <summary>
/// 活动照片: a photo of one day of an activity, for its page and its ledger (台账). The bytes are a
/// <see cref="StoredFile"/> taken in by FileIntake (recognised by content, re-encoded, no metadata)
/// whose owner is the activity, so deleting the activity takes its photos along (ADR 0012).
/// </summary>
public class ActivityPhoto : IScoped<ActivityPhoto>
{
    /// <summary>As the activity: the sub-district's admin, and the cadre of its area.</summary>
    public static ScopeDeclaration<ActivityPhoto> Scope { get; } = new ScopeDeclaration<ActivityPhoto>()
        .ReadWrite(ScopeKind.SubDistrict, p => p.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, p => p.AreaId);

    /// <summary>Photos one activity day may hold: a ledger page shows a handful, not an album.</summary>
    public const int MostPerDay = 12;

    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity Activity { get; set; } = null!;

    /// <summary>The occurrence's date as the rule gives it (as attendance is keyed).</summary>
    public DateOnly Date { get; set; }

    /// <summary>Copied from the activity, so that scope needs no join.</summary>
    public int SubDistrictId { get; set; }
    public int? AreaId { get; set; }

    public Guid StoredFileId { get; set; }

    /// <summary>A line under the photo in the ledger: 宣传台, 技能演练.</summary>
    public string? Caption { get; set; }

    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";

    public static string OwnerOf(int activityId) => StoredFile.OwnerOf(nameof(Activity), activityId);
}

internal sealed class ActivityPhotoConfiguration : IEntityTypeConfiguration<ActivityPhoto>
{
    public void Configure(EntityTypeBuilder<ActivityPhoto> e)
    {
        e.Property(x => x.Caption).HasMaxLength(100);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.HasOne(x => x.Activity).WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.StoredFileId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ActivityId, x.Date });
    }
}
