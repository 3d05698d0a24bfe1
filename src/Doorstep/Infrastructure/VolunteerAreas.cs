namespace Doorstep.Infrastructure;

/// <summary>
/// Plug-in point (ADR 0025): the residential areas a 志愿者 serves, answered by whichever feature keeps
/// the roster, so that another capability can let a volunteer act in their own area(s) without
/// knowing the roster. Read under the volunteer's own scope: it answers only for the signed-in one.
/// </summary>
public interface IVolunteerAreas
{
    Task<IReadOnlyList<int>> AreasOfAsync(int volunteerId, CancellationToken cancellationToken = default);
}
