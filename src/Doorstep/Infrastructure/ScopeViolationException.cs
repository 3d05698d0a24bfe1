namespace Doorstep.Infrastructure;

/// <summary>A write outside the user's data scope reached the database layer: a bug or an attack, never a normal path.</summary>
public sealed class ScopeViolationException(string message) : Exception(message);
