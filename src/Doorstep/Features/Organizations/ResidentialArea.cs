namespace Doorstep.Features.Organizations;

/// <summary>居民区: a neighbourhood with its residents' committee. 嘉兴路街道 has 27.</summary>
public class ResidentialArea
{
    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public SubDistrict SubDistrict { get; set; } = null!;

    /// <summary>The short name users say: 瑞鑫, 张桥. Screens add 居民区.</summary>
    public required string Name { get; set; }
}
