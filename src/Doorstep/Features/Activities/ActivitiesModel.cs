using Doorstep.Features.Activities.Volunteers;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Features.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> e)
    {
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.DriveKey).HasMaxLength(40);
        e.Property(x => x.Partner).HasMaxLength(100);
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.Zones).HasMaxLength(500);
        e.Property(x => x.Audience).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.CustomRule).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Repeat).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrganiserOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Department>().WithMany().HasForeignKey(x => x.OrganiserDepartmentId).OnDelete(DeleteBehavior.Restrict);
        // An area's month calendar: its activities that may occur in the month (started before its end).
        e.HasIndex(x => new { x.AreaId, x.StartsOn });
        e.HasIndex(x => new { x.SubDistrictId, x.StartsOn });
        e.HasIndex(x => x.DriveKey);
    }
}

internal sealed class ActivityChangeConfiguration : IEntityTypeConfiguration<ActivityChange>
{
    public void Configure(EntityTypeBuilder<ActivityChange> e)
    {
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(500);
        e.HasOne(x => x.Activity).WithMany(a => a.Changes).HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ActivityId, x.Date }).IsUnique();
    }
}

internal sealed class ActivityTallyConfiguration : IEntityTypeConfiguration<ActivityTally>
{
    public void Configure(EntityTypeBuilder<ActivityTally> e)
    {
        e.Property(x => x.Label).HasMaxLength(50);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.HasOne(x => x.Activity).WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ActivityId, x.Date, x.Kind, x.Label }).IsUnique();
        e.HasIndex(x => new { x.SubDistrictId, x.Date });
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> e)
    {
        e.Property(x => x.PersonKey).HasMaxLength(20);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.Property(x => x.Way).HasConversion<string>().HasMaxLength(20);
        e.HasOne(x => x.Activity).WithMany(a => a.Attendances).HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        // Checking in twice counts once: the second check-in finds this row, and a race ends on the index.
        e.HasIndex(x => new { x.ActivityId, x.Date, x.PersonKey }).IsUnique();
        // Monthly figures of a sub-district and an area; a member's timeline; a volunteer's hours.
        e.HasIndex(x => new { x.SubDistrictId, x.Date });
        e.HasIndex(x => new { x.AreaId, x.Date });
        e.HasIndex(x => x.MemberId);
        e.HasIndex(x => new { x.VolunteerId, x.Date });
    }
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> e)
    {
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.PhoneCipher).HasMaxLength(200);
        e.Property(x => x.PhoneHash).HasMaxLength(64);
        e.Property(x => x.PhoneTail).HasMaxLength(4);
        e.Property(x => x.PhoneAreaCode).HasMaxLength(4);
        e.Property(x => x.Skills).HasMaxLength(200);
        e.Property(x => x.ConsentRecordedBy).HasMaxLength(256);
        e.Property(x => x.AccountId).HasMaxLength(64);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AreaId, x.Name });
        e.HasIndex(x => new { x.SubDistrictId, x.Name });
        e.HasIndex(x => x.MemberId);
    }
}
