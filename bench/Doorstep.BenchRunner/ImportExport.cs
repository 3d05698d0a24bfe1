using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Doorstep.BenchRunner;

/// <summary>
/// The 批量导入 of a roster and the list's export, over HTTP as the admin does them, timed, with the
/// server's resident memory just before each step and its peak during it.
/// </summary>
internal static partial class ImportExport
{
    private sealed record Progress(string Status, bool Finished, int? Percent, string Text);

    /// <summary>Upload → check (the preview) → confirm → commit, polling the progress as the page does.</summary>
    public static async Task<ImportResult> ImportAsync(AppServer server, StaffSession admin, string roster, int rows)
    {
        string? previewPath = null;
        var check = await StepAsync(server, async () =>
        {
            using var upload = await admin.PostFileAsync("/Members/Import", "Upload", roster);
            previewPath = upload.StatusCode == HttpStatusCode.Redirect
                ? upload.Headers.Location!.OriginalString
                : throw new InvalidOperationException($"the upload answered {(int)upload.StatusCode}: {Refusal(await upload.Content.ReadAsStringAsync())}");
            return (await WaitAsync(admin, previewPath)).Status;
        });
        Console.WriteLine($"  import check: {check.Outcome} after {check.Step.Seconds:F1} s, peak {check.Step.PeakRssBytes / 1048576} MB");
        if (check.Outcome != "Ready")
        {
            return new ImportResult(rows, check.Outcome, check.Step, null);
        }

        Progress? done = null;
        var commit = await StepAsync(server, async () =>
        {
            using var confirm = await admin.PostFormAsync(previewPath!, []);
            done = confirm.StatusCode == HttpStatusCode.Redirect
                ? await WaitAsync(admin, previewPath!)
                : throw new InvalidOperationException($"confirming the import answered {(int)confirm.StatusCode}");
            return done.Status;
        });
        // "导入完成：新建 N 份档案，更新 M 份档案。"
        var created = NewFiles().Match(done?.Text ?? "");
        int? newFiles = created.Success ? int.Parse(created.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        Console.WriteLine($"  import commit: {commit.Outcome} after {commit.Step.Seconds:F1} s, peak {commit.Step.PeakRssBytes / 1048576} MB; {done?.Text}");
        return new ImportResult(rows, commit.Outcome, check.Step, commit.Step, newFiles);
    }

    /// <summary>
    /// The list's .xlsx export, filtered by minimum age so that it holds about <paramref name="wanted"/>
    /// rows (the youngest age that keeps at least that many, or the whole list when it is smaller).
    /// </summary>
    public static async Task<ExportResult> ExportAsync(AppServer server, StaffSession admin, int wanted)
    {
        var minAge = 0;
        for (var (low, high) = (0, 110); low <= high;)
        {
            var middle = (low + high) / 2;
            if (await Samples.CountAsync(admin, $"?minAge={middle}") >= wanted)
            {
                minAge = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        var query = minAge > 0 ? string.Create(CultureInfo.InvariantCulture, $"?minAge={minAge}") : "";
        var rows = await Samples.CountAsync(admin, query);
        long fileBytes = 0;
        var export = await StepAsync(server, async () =>
        {
            using var response = await admin.Client.GetAsync("/Members/Export" + query, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            for (int read; (read = await body.ReadAsync(buffer)) > 0;)
            {
                fileBytes += read;
            }

            return "Exported";
        });
        Console.WriteLine($"  export: {rows} rows ({fileBytes / 1048576.0:F1} MB) after {export.Step.Seconds:F1} s, peak {export.Step.PeakRssBytes / 1048576} MB");
        return new ExportResult(minAge > 0 ? $"年龄不小于{minAge}岁" : "全部", rows, fileBytes, export.Step);
    }

    private static async Task<(string Outcome, ServerStep Step)> StepAsync(AppServer server, Func<Task<string>> step)
    {
        // Collected garbage would otherwise be counted against the step that happens to follow it.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var before = ProcessMemory.Rss(server.Pid);
        ProcessMemory.ResetPeak(server.Pid);
        var clock = Stopwatch.StartNew();
        var outcome = await step();
        var seconds = clock.Elapsed.TotalSeconds;
        return (outcome, new ServerStep(seconds, before, Math.Max(ProcessMemory.Peak(server.Pid), before)));
    }

    private static async Task<Progress> WaitAsync(StaffSession admin, string previewPath)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(15))
        {
            var progress = await admin.Client.GetFromJsonAsync<Progress>(previewPath + "?handler=Progress", ResultFiles.Json);
            if (progress!.Finished)
            {
                return progress;
            }

            await Task.Delay(100);
        }

        return new Progress("TimedOut", true, null, "");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"新建 (\d+) 份档案")]
    private static partial System.Text.RegularExpressions.Regex NewFiles();

    /// <summary>The refusal the import page shows, for the log, without the whole page.</summary>
    private static string Refusal(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "role=\"alert\"[^>]*>(?<text>.*?)</", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Groups["text"].Value.Trim();
}
