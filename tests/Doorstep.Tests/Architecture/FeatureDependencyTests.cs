using System.Text.RegularExpressions;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Architecture;

/// <summary>
/// ADR 0015: a feature uses another only if that one is part of the core (Members, Organizations,
/// Accounts), and otherwise meets it through the plug-in points in Infrastructure (navigation, audit
/// subjects, home figures) or the core's own (member timeline sources, links on a member's file).
/// Read from the source (usings, qualified names, Razor directives), so a page's view counts too.
/// </summary>
public partial class FeatureDependencyTests
{
    private static readonly string[] Core = ["Members", "Organizations", "Accounts"];

    /// <summary>Pages at the root of Features (home, error, status) belong to no feature.</summary>
    private const string Root = "(root)";

    private static string FeaturesFolder => Path.Combine(SourceTree.App, "Features");

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal));

    [Fact]
    public void A_feature_reaches_another_only_through_the_core_or_a_plug_in_point()
    {
        var features = Directory.GetDirectories(FeaturesFolder).Select(Path.GetFileName).ToList();
        var violations = new List<string>();
        foreach (var file in SourceFiles(FeaturesFolder))
        {
            var relative = Path.GetRelativePath(FeaturesFolder, file).Replace('\\', '/');
            var owner = relative.Contains('/') ? relative[..relative.IndexOf('/')] : Root;
            foreach (var used in FeaturesUsed(File.ReadAllText(file), features!))
            {
                if (used != owner && !Core.Contains(used))
                {
                    violations.Add($"Features/{relative} uses {used}");
                }
            }
        }

        Assert.True(violations.Count == 0, "A feature may use only the core (Members, Organizations, Accounts) and the plug-in points:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Infrastructure_knows_no_feature()
    {
        var violations = SourceFiles(Path.Combine(SourceTree.App, "Infrastructure"))
            .Where(f => FullyQualified().IsMatch(File.ReadAllText(f)))
            .Select(SourceTree.Relative)
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void The_check_sees_usings_qualified_names_razor_directives_and_names_relative_to_Features()
    {
        string[] features = ["Members", "Transfers", "Audit"];

        Assert.Equal(["Transfers"], FeaturesUsed("using Doorstep.Features.Transfers;", features));
        Assert.Equal(["Transfers"], FeaturesUsed("@model Doorstep.Features.Transfers.IndexModel", features));
        Assert.Equal(["Members"], FeaturesUsed("var birth = Members.IdNumber.BirthDate(x);", features));
        Assert.Empty(FeaturesUsed("var n = Model.Members.Count; db.Transfers.Add(t);", features));
    }

    /// <summary>The features a file names: Doorstep.Features.X anywhere, or X.Type written relative to Doorstep.Features.</summary>
    private static List<string> FeaturesUsed(string source, IReadOnlyCollection<string> features)
    {
        var used = FullyQualified().Matches(source).Select(m => m.Groups[1].Value).ToHashSet();
        var relative = new Regex($@"(?<![\w.""/])({string.Join("|", features)})\.[A-Z]\w*");
        used.UnionWith(relative.Matches(source).Select(m => m.Groups[1].Value));
        return [.. used.Where(features.Contains).Order()];
    }

    [GeneratedRegex(@"\bDoorstep\.Features\.(\w+)")]
    private static partial Regex FullyQualified();
}
