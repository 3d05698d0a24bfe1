namespace Doorstep.Infrastructure;

/// <summary>Which page of a list is shown, and the links to its neighbours.</summary>
public sealed record Pager(int Page, int PageSize, int Total, Func<int, string> Link)
{
    public static readonly Pager Empty = new(1, 20, 0, _ => "");

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Current => Math.Clamp(Page, 1, Pages);
    public int Skip => (Current - 1) * PageSize;
}
