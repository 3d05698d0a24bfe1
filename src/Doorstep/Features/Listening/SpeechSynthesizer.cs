using System.Diagnostics;

namespace Doorstep.Features.Listening;

/// <summary>Reads a chapter's text aloud into an audio file the player can stream (MP3).</summary>
public interface ISpeechSynthesizer
{
    /// <summary>The MP3 bytes, or throws <see cref="SpeechException"/> with a Chinese reason.</summary>
    Task<byte[]> SynthesizeAsync(string text, CancellationToken cancellationToken);
}

public sealed class SpeechException(string message) : Exception(message);

/// <summary>
/// espeak-ng's Mandarin voice (`cmn-latn-pinyin`; plain `cmn` reads pinyin as English on Debian 12)
/// to WAV, then lame to 32 kbit/s mono MP3 (about 234 KiB a minute), which every phone's browser
/// plays. Both are Debian packages (docs/deployment.md); offline, nothing leaves the server.
/// </summary>
public sealed class EspeakSpeechSynthesizer(IConfiguration config) : ISpeechSynthesizer
{
    private string Espeak => config["Listening:Espeak"] ?? "espeak-ng";
    private string Lame => config["Listening:Lame"] ?? "lame";

    public async Task<byte[]> SynthesizeAsync(string text, CancellationToken cancellationToken)
    {
        var wav = await RunAsync(Espeak, ["-v", "cmn-latn-pinyin", "-s", "150", "--stdin", "--stdout"], System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
        return await RunAsync(Lame, ["--quiet", "-m", "m", "-b", "32", "-", "-"], wav, cancellationToken);
    }

    private static async Task<byte[]> RunAsync(string program, string[] arguments, byte[] input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SpeechException($"无法启动 {program}。");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new SpeechException($"服务器上没有安装 {program}，无法生成语音（见部署说明）。");
        }

        using (process)
        {
            using var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken);
            process.StandardInput.Close();
            await reading;
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 || output.Length == 0)
            {
                throw new SpeechException($"{program} 未能生成语音（{process.ExitCode}）：{(await errors).Trim()}");
            }

            return output.ToArray();
        }
    }
}
