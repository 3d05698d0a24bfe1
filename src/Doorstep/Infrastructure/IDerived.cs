namespace Doorstep.Infrastructure;

/// <summary>
/// A row computed from audited records and kept beside them (a running total, a summary): its writes
/// are not audited, because the records it is computed from are.
/// </summary>
public interface IDerived;
