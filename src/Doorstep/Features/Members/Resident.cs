namespace Doorstep.Features.Members;

/// <summary>
/// What the cadre of the area where a member lives may know of a member whose file is held elsewhere:
/// enough to visit and invite, nothing more (no ID number, no phone, no notes).
/// </summary>
public sealed record Resident(
    int Id, string Name, Gender Gender, DateOnly BirthDate, string? ResidenceAddress, CareNeeds CareNeeds,
    string HomeOrgUnit, string? RegisteredArea);
