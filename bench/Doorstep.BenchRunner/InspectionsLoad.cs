using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Doorstep.BenchRunner;

/// <summary>
/// 创文 (issue 14): registering a spot with a 3 MB phone photo, p95 ≤ 300 ms. Multipart does not go
/// through wrk, so this step posts the report form itself, one spot after another, as the area cadre
/// (each POST timed from send to the redirect; the form's token is fetched untimed before each), and
/// reports it as a load line at one connection. The photo is a 12-megapixel JPEG of about 3 MB, the
/// size a phone sends; the app scales it down and re-encodes it (FileIntake) inside the timing.
/// </summary>
internal static partial class InspectionsLoad
{
    public const string Id = "inspections.register";
    private const int WarmUp = 3;

    public static async Task RunAsync(AppServer server, StaffSession cadre, DatabaseResult result, int count = 40)
    {
        var form = await cadre.GetHtmlAsync("/Inspections/Report");
        var area = HtmlPage.OptionValues(form, "Input.AreaId").FirstOrDefault(v => v != "0")
            ?? throw new InvalidOperationException("the report form offers the cadre no area");
        var categories = Radio().Matches(form).Select(m => m.Value).Where(m => m.Contains("name=\"Input.CategoryId\"", StringComparison.Ordinal))
            .Select(m => RadioValue().Match(m).Groups["value"].Value).ToList();
        if (categories.Count == 0)
        {
            throw new InvalidOperationException("the report form offers no category");
        }

        var photo = Photo();
        var times = new List<double>(count);
        long errors = 0;
        long highest;
        var total = Stopwatch.StartNew();
        await using (var sampler = new RssSampler(server.Pid))
        {
            for (var i = 0; i < count + WarmUp; i++)
            {
                var token = HtmlPage.AntiforgeryToken(await cadre.GetHtmlAsync("/Inspections/Report"));
                using var body = new MultipartFormDataContent
                {
                    { new StringContent(token), "__RequestVerificationToken" },
                    { new StringContent(area), "Input.AreaId" },
                    { new StringContent(categories[i % categories.Count]), "Input.CategoryId" },
                    { new StringContent($"基准测试弄 {i + 1} 号楼道"), "Input.Address" },
                    { new StringContent("楼道里堆放旧家具，挡住了通道（基准测试）"), "Input.Description" },
                    { new StringContent("Staff"), "Input.ReporterKind" },
                };
                var file = new ByteArrayContent(photo);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                body.Add(file, "Photos", "IMG_0001.jpg");

                var timer = Stopwatch.StartNew();
                using var response = await cadre.Client.PostAsync("/Inspections/Report", body);
                timer.Stop();
                if (i < WarmUp)
                {
                    total.Restart();
                    continue;
                }

                times.Add(timer.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Redirect)
                {
                    errors++;
                }
            }

            highest = sampler.Highest;
        }

        var seconds = total.Elapsed.TotalSeconds;
        times.Sort();
        var load = new LoadResult(Id, $"登记创文问题 /Inspections/Report（居民区干部，{photo.Length / 1048576.0:F1} MB 照片，逐个提交）", 1, seconds, times.Count,
            times.Count / seconds, Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), times[^1], 0, errors, 0, highest);
        result.Load.Add(load);
        Console.WriteLine($"  {Id} {times.Count} spots  p50 {load.P50Ms:F1} ms  p95 {load.P95Ms:F1} ms  max {load.MaxMs:F1} ms  errors {errors}");
    }

    private static double Percentile(List<double> sorted, double share) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];

    /// <summary>A 4032 × 3024 JPEG with a photo's grain, at the quality that brings it nearest under 3 MB.</summary>
    private static byte[] Photo()
    {
        using var noise = NetVips.Image.Gaussnoise(4032, 3024, sigma: 40, mean: 128);
        using var grain = noise.Gaussblur(1.2);
        using var colour = grain.Bandjoin(grain.Rot180(), grain.Flip(NetVips.Enums.Direction.Horizontal)).Cast(NetVips.Enums.BandFormat.Uchar);
        byte[] jpeg = [];
        for (var quality = 95; quality >= 40; quality -= 5)
        {
            jpeg = colour.JpegsaveBuffer(q: quality);
            if (jpeg.Length <= 3 << 20)
            {
                break;
            }
        }

        return jpeg;
    }

    /// <summary>A radio button, whatever the order of its attributes (the tag helper writes name last).</summary>
    [GeneratedRegex("<input[^>]*type=\"radio\"[^>]*>")]
    private static partial Regex Radio();

    [GeneratedRegex("value=\"(?<value>[0-9]+)\"")]
    private static partial Regex RadioValue();
}
