namespace Doorstep.Features.Listening;

/// <summary>How the phone's speech engine walks a chapter's text: sentence by sentence, the same split in the page and here.</summary>
public static class SpeechText
{
    private static readonly char[] Ends = ['。', '！', '？', '；', '\n'];

    public static IReadOnlyList<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (Array.IndexOf(Ends, text[i]) >= 0)
            {
                Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        Add(text[start..]);
        return sentences;

        void Add(string s)
        {
            if (s.Trim().Length > 0)
            {
                sentences.Add(s.Trim());
            }
        }
    }
}
