namespace Doorstep.Benchmarks;

/// <summary>
/// The id and the Chinese title under which results.json lists a benchmark. The id is stable: the
/// report maps it to a budget, so rename a method freely but never an id.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReportAttribute(string id, string title) : Attribute
{
    public string Id { get; } = id;
    public string Title { get; } = title;
}
