using System.Text.RegularExpressions;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Architecture;

/// <summary>
/// Links, form actions and redirects name a page (asp-page, RedirectToPage), never a path typed by
/// hand: a page that moves takes its links along, and query strings come out encoded (&amp;amp;).
/// </summary>
public partial class PageLinkTests
{
    /// <summary>
    /// Files that may still hold a typed path, each with why. An entry that no longer matches anything
    /// fails the test, so the list shrinks as files are converted and never hides a new path.
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = [];

    [Fact]
    public void No_page_links_forms_or_redirects_to_a_path_typed_by_hand()
    {
        var found = new List<string>();
        var used = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SourceTree.App, "Features"), "*.*", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(SourceTree.App, "Pages"), "*.*", SearchOption.AllDirectories))
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var relative = SourceTree.Relative(file);
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!TypedPath().IsMatch(lines[i]))
                {
                    continue;
                }

                if (Allowed.ContainsKey(relative))
                {
                    used.Add(relative);
                    continue;
                }

                found.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
            }
        }

        Assert.True(found.Count == 0, "Use asp-page / RedirectToPage instead of:\n" + string.Join("\n", found));
        var stale = Allowed.Keys.Except(used).ToList();
        Assert.True(stale.Count == 0, "Allowed but no longer needed, remove from the list: " + string.Join(", ", stale));
    }

    [Theory]
    [InlineData("<a href=\"/Members\">", true)]
    [InlineData("<form method=\"post\" action=\"/Accounts/SignOut\">", true)]
    [InlineData("return Redirect($\"/Members/Details/{id}\");", true)]
    [InlineData("return Redirect(\"/\");", true)]
    [InlineData("<a asp-page=\"/Members/Index\">", false)]
    [InlineData("<a href=\"#residents\">", false)]
    [InlineData("<link rel=\"stylesheet\" href=\"~/css/site.css\">", false)]
    public void The_check_tells_a_typed_path_from_a_named_page(string line, bool typed) =>
        Assert.Equal(typed, TypedPath().IsMatch(line));

    [GeneratedRegex("""(href|action)="/|Redirect\(\$?"/""")]
    private static partial Regex TypedPath();
}
