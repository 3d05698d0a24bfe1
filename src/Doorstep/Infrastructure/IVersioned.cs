namespace Doorstep.Infrastructure;

/// <summary>
/// An entity two people may edit at once. SQLite has no row version, so DoorstepDb raises
/// Version on every save and EF refuses an update whose Version someone else already raised.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
