using Doorstep.Tests.Support;

namespace Doorstep.Tests.Hosting;

/// <summary>
/// A browser forgives a missing brace silently: everything after it lands inside the block left open.
/// An unclosed @media print once put the phone layout of the import's problems table on paper only.
/// </summary>
public class StylesheetTests
{
    public static TheoryData<string> Stylesheets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SourceTree.App, "wwwroot", "css"), "*.css", SearchOption.AllDirectories))
        {
            data.Add(SourceTree.Relative(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Stylesheets))]
    public void Every_block_in_a_stylesheet_is_closed_where_it_should_be(string stylesheet)
    {
        var problems = Braces.Check(File.ReadAllText(Path.Combine(SourceTree.App, stylesheet)));

        Assert.True(problems.Count == 0, $"{stylesheet}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void A_block_left_open_is_reported_with_the_line_it_opened_on()
    {
        var problems = Braces.Check("a { color: red; }\n@media print {\n  .x { display: none; }\n\n.y { \"}\" : 1 }\n/* } */\n");

        Assert.Equal(["a block opened on line 2 is never closed"], problems);
    }

    [Fact]
    public void A_brace_closing_nothing_is_reported_with_its_line()
    {
        Assert.Equal(["a closing brace on line 2 closes nothing"], Braces.Check("a { }\n}\n"));
    }

    /// <summary>Counts braces outside comments and strings, as a CSS parser does.</summary>
    private static class Braces
    {
        public static List<string> Check(string css)
        {
            var problems = new List<string>();
            var open = new Stack<int>();
            var line = 1;
            for (var i = 0; i < css.Length; i++)
            {
                var c = css[i];
                if (c == '\n')
                {
                    line++;
                }
                else if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
                {
                    var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    end = end < 0 ? css.Length : end + 2;
                    line += css.AsSpan(i, end - i).Count('\n');
                    i = end - 1;
                }
                else if (c is '"' or '\'')
                {
                    var end = i + 1;
                    while (end < css.Length && css[end] != c && css[end] != '\n')
                    {
                        end += css[end] == '\\' ? 2 : 1;
                    }

                    i = Math.Min(end, css.Length - 1);
                }
                else if (c == '{')
                {
                    open.Push(line);
                }
                else if (c == '}' && !open.TryPop(out _))
                {
                    problems.Add($"a closing brace on line {line} closes nothing");
                }
            }

            problems.AddRange(open.Reverse().Select(l => $"a block opened on line {l} is never closed"));
            return problems;
        }
    }
}
