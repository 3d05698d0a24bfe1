using System.Diagnostics;
using Doorstep.Features.Members.Import;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>
/// The `import` command: checks and then commits a roster in this process, as the import job runs
/// them (MemberImporter, as the first sub-district's admin), and times each pass. Meanwhile another
/// user saves a file every 100 ms through the one write path; how long those saves waited says
/// whether the import held SQLite's single writer for long. For profiling the import (issue 10) on a
/// data set of one's own; the full run measures the import over HTTP instead.
/// </summary>
public static class ImportTiming
{
    public static async Task RunAsync(BenchTarget target, string rosterPath)
    {
        var subDistrict = await target.FirstSubDistrictAsync();
        var admin = BenchTarget.SubDistrictAdmin(subDistrict);
        var content = await File.ReadAllBytesAsync(rosterPath);
        var upload = RosterUpload.Inspect(content);
        var importId = await target.AsAsync(admin, async db =>
        {
            var import = MemberImport.Checking(admin, Path.GetFileName(rosterPath), upload, target.Protector.Encrypt(content), DateTime.UtcNow);
            db.MemberImports.Add(import);
            await db.SaveChangesAsync();
            return import.Id;
        });
        var saved = await target.AsAsync(admin, db => db.MembersInScope.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());

        foreach (var phase in new[] { ImportPhase.Check, ImportPhase.Commit })
        {
            using var stop = new CancellationTokenSource();
            var saves = phase == ImportPhase.Commit ? SaveMeanwhileAsync(target, admin, saved, stop.Token) : Task.FromResult(new List<double>());
            var started = Stopwatch.GetTimestamp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            await target.InScopeAsync(admin, async services =>
            {
                await services.GetRequiredService<MemberImporter>().RunAsync(importId, phase, CancellationToken.None);
                return 0;
            });
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            await stop.CancelAsync();
            var waits = await saves;
            var outcome = await target.AsAsync(admin, db => db.MemberImports.AsNoTracking().Where(i => i.Id == importId)
                .Select(i => new { i.Status, i.RowCount, i.NewCount, i.UpdateCount, i.ErrorCount }).SingleAsync());
            Console.WriteLine($"{phase}: {seconds:0.0} s (CPU {cpuSeconds:0.0} s), {outcome.Status}, {outcome.RowCount} rows, {outcome.NewCount} new, {outcome.UpdateCount} updated, {outcome.ErrorCount} problems"
                + (waits.Count == 0 ? "" : $"; {waits.Count} saves meanwhile, p50 {Percentile(waits, 0.5):0} ms, p95 {Percentile(waits, 0.95):0} ms, max {waits.Max():0} ms"));
        }
    }

    private static async Task<List<double>> SaveMeanwhileAsync(BenchTarget target, CurrentUser user, int memberId, CancellationToken stop)
    {
        var waits = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            try
            {
                await target.AsAsync(user, async db =>
                {
                    var member = await db.Members.SingleAsync(m => m.Id == memberId);
                    member.Notes = $"导入期间保存 {DateTime.UtcNow:O}";
                    return await db.SaveChangesAsync();
                });
            }
            catch (DbUpdateConcurrencyException)
            {
                // The roster updated this file between its read and its save: the user would be told and save again.
            }

            waits.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return waits;
    }

    private static double Percentile(List<double> values, double p) => values.Order().ElementAt((int)Math.Min(values.Count - 1, p * values.Count));
}
