using System.Text;
using Icu;

namespace Doorstep.Infrastructure;

/// <summary>
/// Pinyin initials of a Chinese name, for search by typing "wdq" for 吴德勤. ICU reads each
/// character with its common reading; a surname keeps its surname reading (曾 zeng, not ceng).
/// </summary>
public static class Pinyin
{
    /// <summary>Surnames whose reading as a surname starts with another letter than the common reading.</summary>
    private static readonly Dictionary<char, char> SurnameInitials =
        "曾z 单s 解x 仇q 区o 查z 朴p 乐y 覃q 翟z 盖g 缪m 种c 秘b 召s 洗x 尉y 员y 长z 重c 薄b"
            .Split(' ').ToDictionary(pair => pair[0], pair => pair[1]);

    private static readonly Lazy<Transliterator> Latin = new(() =>
    {
        Wrapper.Init();
        return Transliterator.CreateInstance("Han-Latin; Latin-ASCII", Transliterator.UTransDirection.Forward);
    });

    // An ICU transliterator is not thread-safe: calls take a lock, and each character's initial is
    // remembered, so a roster of a million names asks ICU only once per distinct character.
    private static readonly Lock Gate = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<char, char?> Known = new();

    public static string Initials(string name)
    {
        var initials = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetter(c))
            {
                initials.Append(char.ToLowerInvariant(c));
            }
            else if (i == 0 && SurnameInitials.TryGetValue(c, out var surname))
            {
                initials.Append(surname);
            }
            else if (c is >= '\u3400' and <= '\u9fff' && Known.GetOrAdd(c, InitialOf) is { } initial)
            {
                initials.Append(initial);
            }
        }

        return initials.ToString();
    }

    private static char? InitialOf(char c)
    {
        string latin;
        lock (Gate)
        {
            latin = Latin.Value.Transliterate(c.ToString());
        }

        return latin.Length > 0 && char.IsAsciiLetter(latin[0]) ? char.ToLowerInvariant(latin[0]) : null;
    }
}
