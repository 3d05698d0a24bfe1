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

    /// <summary>The readings of those surnames, for the sort key.</summary>
    private static readonly Dictionary<char, string> SurnameReadings =
        "曾zeng 单shan 解xie 仇qiu 区ou 查zha 朴piao 乐yue 覃qin 翟zhai 盖ge 缪miao 种chong 秘bi 召shao 洗xian 尉yu 员yun 长zhang 重chong 薄bo"
            .Split(' ').ToDictionary(pair => pair[0], pair => pair[1..]);

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

    /// <summary>
    /// The name's full pinyin as a sort key, each syllable followed by "0": 王芳 → wang0fang0. The "0"
    /// sorts below every letter in binary and in linguistic collations alike, so the key orders
    /// syllable by syllable (万刚 wan0gang0 before 王安 wang0an0, where plain "wangang" would not).
    /// A run of Latin letters counts as one syllable; what has no reading is left out, as in
    /// <see cref="Initials"/>, so the key starts with the same letter as the initials.
    /// </summary>
    public static string SortKey(string name)
    {
        var key = new StringBuilder(name.Length * 5);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetter(c))
            {
                key.Append(char.ToLowerInvariant(c));
                if (i + 1 == name.Length || !char.IsAsciiLetter(name[i + 1]))
                {
                    key.Append('0');
                }
            }
            else if (i == 0 && SurnameReadings.TryGetValue(c, out var surname))
            {
                key.Append(surname).Append('0');
            }
            else if (c is >= '\u3400' and <= '\u9fff' && Syllables.GetOrAdd(c, SyllableOf) is { } syllable)
            {
                key.Append(syllable).Append('0');
            }
        }

        return key.ToString();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<char, string?> Syllables = new();

    private static string? SyllableOf(char c)
    {
        string latin;
        lock (Gate)
        {
            latin = Latin.Value.Transliterate(c.ToString());
        }

        var letters = string.Concat(latin.Where(char.IsAsciiLetter)).ToLowerInvariant();
        return letters.Length > 0 && letters.Length == latin.Trim().Length ? letters : null;
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
