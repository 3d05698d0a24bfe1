namespace Doorstep.Features.Listening;

/// <summary>
/// How long a recording plays, read from the file itself (TagLibSharp: MP3 frames or Xing header,
/// the M4A movie header, Ogg pages), never taken from the uploader.
/// </summary>
public static class AudioDuration
{
    /// <summary>Whole seconds, or null when the file cannot be read as audio of that type.</summary>
    public static int? Read(byte[] content, string contentType)
    {
        try
        {
            using var file = TagLib.File.Create(new Bytes(content), TagLibType(contentType), TagLib.ReadStyle.Average);
            var seconds = file.Properties?.Duration.TotalSeconds ?? 0;
            return seconds > 0 ? (int)Math.Ceiling(seconds) : null;
        }
        catch (Exception e) when (e is TagLib.CorruptFileException or TagLib.UnsupportedFormatException or IOException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static string TagLibType(string contentType) => contentType switch
    {
        "audio/mpeg" => "taglib/mp3",
        "audio/mp4" => "taglib/m4a",
        "audio/ogg" => "taglib/ogg",
        "audio/wav" => "taglib/wav",
        _ => contentType,
    };

    private sealed class Bytes(byte[] content) : TagLib.File.IFileAbstraction
    {
        public string Name => "upload";
        public Stream ReadStream => new MemoryStream(content, writable: false);
        public Stream WriteStream => throw new NotSupportedException();

        public void CloseStream(Stream stream) => stream.Dispose();
    }
}
