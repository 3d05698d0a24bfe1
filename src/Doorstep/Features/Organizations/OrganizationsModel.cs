using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Features.Organizations;

internal sealed class SubDistrictConfiguration : IEntityTypeConfiguration<SubDistrict>
{
    public void Configure(EntityTypeBuilder<SubDistrict> e)
    {
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.District).HasMaxLength(50);
        e.Property(x => x.City).HasMaxLength(50);
    }
}

internal sealed class ResidentialAreaConfiguration : IEntityTypeConfiguration<ResidentialArea>
{
    public void Configure(EntityTypeBuilder<ResidentialArea> e)
    {
        e.Property(x => x.Name).HasMaxLength(50);
        e.HasIndex(x => new { x.SubDistrictId, x.Name }).IsUnique();
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Place).HasMaxLength(100);
        e.HasOne(x => x.Parent).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ResidentialArea).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.SecretaryMemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SubDistrictId, x.Kind });
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.Property(x => x.Name).HasMaxLength(50);
        e.HasOne<SubDistrict>().WithMany().HasForeignKey(x => x.SubDistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SubDistrictId, x.Name }).IsUnique();
    }
}
