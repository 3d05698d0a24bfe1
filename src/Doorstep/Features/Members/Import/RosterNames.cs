using Doorstep.Infrastructure;

namespace Doorstep.Features.Members.Import;

/// <summary>A name a roster cell was matched to, or why it was not.</summary>
public readonly record struct NameMatch(int? Id, string? Problem);

/// <summary>
/// Matches the org unit and area names people write to the records: 张桥, 张桥居民区 and 张桥居委会
/// are one area; 张桥居民区第一党支部, 张桥第一党支部 and 张桥第一支部 are one branch.
/// </summary>
public sealed class RosterNames(IReadOnlyList<Choice> areas, IReadOnlyList<Choice> unitsInScope, IReadOnlyList<Choice> allUnits)
{
    private static readonly string[] AreaSuffixes = ["居民委员会", "居民区", "居委会", "居委"];

    private readonly Dictionary<string, int> _areas = areas.GroupBy(a => AreaKey(a.Name)).ToDictionary(g => g.Key, g => g.First().Id);
    private readonly List<(string Key, Choice Unit)> _units = unitsInScope.Select(u => (UnitKey(u.Name), u)).ToList();
    private readonly HashSet<string> _allUnits = allUnits.Select(u => UnitKey(u.Name)).ToHashSet();
    private readonly Dictionary<int, string> _unitNames = allUnits.ToDictionary(u => u.Id, u => u.Name);
    private readonly Dictionary<int, string> _areaNames = areas.ToDictionary(a => a.Id, a => a.Name);
    private readonly Dictionary<string, NameMatch> _unitMatches = [];

    /// <summary>An example of a unit name the user may write, for the messages.</summary>
    public string ExampleUnit => _units.Count > 0 ? _units[^1].Unit.Name : "某某居民区第一党支部";

    public string UnitName(int id) => _unitNames.GetValueOrDefault(id, "");

    public string? AreaName(int? id) => id is { } i ? _areaNames.GetValueOrDefault(i) : null;

    public NameMatch Area(string text)
    {
        var key = AreaKey(text);
        return _areas.TryGetValue(key, out var id) ? new(id, null) : new(null, $"本街道没有“{text}”居民区");
    }

    /// <summary>A roster names the same few units on thousands of rows: each spelling is matched once.</summary>
    public NameMatch Unit(string text)
    {
        if (!_unitMatches.TryGetValue(text, out var match))
        {
            match = MatchUnit(text);
            _unitMatches[text] = match;
        }

        return match;
    }

    private NameMatch MatchUnit(string text)
    {
        var key = UnitKey(text);
        var exact = _units.Where(u => u.Key == key).ToList();
        if (exact.Count == 1)
        {
            return new(exact[0].Unit.Id, null);
        }

        // A short name such as 第一党支部 is enough when only one unit in the user's scope ends so.
        var partial = key.Length >= 2 ? _units.Where(u => u.Key.EndsWith(key, StringComparison.Ordinal)).ToList() : [];
        if (exact.Count == 0 && partial.Count == 1)
        {
            return new(partial[0].Unit.Id, null);
        }

        if (exact.Count > 1 || partial.Count > 1)
        {
            return new(null, $"“{text}”对应多个党组织，请写全称");
        }

        return _allUnits.Contains(key)
            ? new(null, $"“{text}”不在您的管理范围内")
            : new(null, $"找不到党组织“{text}”");
    }

    private static string AreaKey(string name)
    {
        var key = TextNormalizer.Compact(name);
        foreach (var suffix in AreaSuffixes)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                return key[..^suffix.Length];
            }
        }

        return key;
    }

    private static string UnitKey(string name) =>
        TextNormalizer.Compact(name)
            .Replace("居民区", "", StringComparison.Ordinal).Replace("居委会", "", StringComparison.Ordinal)
            .Replace("党总支", "总支", StringComparison.Ordinal).Replace("党支部", "支部", StringComparison.Ordinal);
}
