namespace Doorstep.Data;

/// <summary>
/// An entity that holds the data of a sub-district, an area, a temporary branch, a department or a
/// member says here how a user's scope reaches it. DoorstepDb turns the declaration into the entity's
/// query filter and write guard, so a new scoped entity needs no edit there; ScopeDeclarationTests
/// fail for an entity that carries such a key and declares nothing.
/// </summary>
public interface IScoped<TSelf> where TSelf : class, IScoped<TSelf>
{
    static abstract ScopeDeclaration<TSelf> Scope { get; }
}
