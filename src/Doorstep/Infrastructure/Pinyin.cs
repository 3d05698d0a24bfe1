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
    private static readonly Dictionary<char, char> SurnameInitials = new()
    {
        ['曾'] = 'z', ['单'] = 's', ['解'] = 'x', ['仇'] = 'q', ['区'] = 'o', ['查'] = 'z', ['朴'] = 'p',
        ['乐'] = 'y', ['覃'] = 'q', ['翟'] = 'z', ['盖'] = 'g', ['缪'] = 'm', ['种'] = 'c', ['秘'] = 'b',
        ['召'] = 's', ['洗'] = 'x', ['尉'] = 'y', ['员'] = 'y', ['长'] = 'z', ['重'] = 'c', ['薄'] = 'b',
    };

    private static readonly Lazy<Transliterator> Latin = new(() =>
    {
        Wrapper.Init();
        return Transliterator.CreateInstance("Han-Latin; Latin-ASCII", Transliterator.UTransDirection.Forward);
    });

    // An ICU transliterator is not thread-safe; one call is a few microseconds, so a lock is cheap.
    private static readonly Lock Gate = new();

    /// <summary>Each character's initial, once read: an import of 100,000 names asks for the same few thousand.</summary>
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
            else if (c is >= '\u3400' and <= '\u9fff' && Known.GetOrAdd(c, Initial) is { } initial)
            {
                initials.Append(initial);
            }
        }

        return initials.ToString();
    }

    private static char? Initial(char c)
    {
        string latin;
        lock (Gate)
        {
            latin = Latin.Value.Transliterate(c.ToString());
        }

        return latin.Length > 0 && char.IsAsciiLetter(latin[0]) ? char.ToLowerInvariant(latin[0]) : null;
    }
}
