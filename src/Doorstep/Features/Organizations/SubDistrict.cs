namespace Doorstep.Features.Organizations;

/// <summary>街道: an urban sub-district, such as 嘉兴路街道 in 虹口区. One deployment serves one or more.</summary>
public class SubDistrict
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string District { get; set; }
    public required string City { get; set; }
}
