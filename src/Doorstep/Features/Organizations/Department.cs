namespace Doorstep.Features.Organizations;

/// <summary>An office that organises work and owns problems (责任部门): 社区党建办, 街道安委会, 民防办 …</summary>
public class Department
{
    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public required string Name { get; set; }
}
