using BenchmarkDotNet.Attributes;
using Doorstep.Features.Members.Import;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>
/// The check pass of a member import (MemberImporter, as the preview runs it): read the stored
/// roster, match names, look up ID numbers, apply every rule; no member is written. The upload is
/// stored once, as the import page stores it, and removed at the end.
/// </summary>
[WarmupCount(1), IterationCount(5), InvocationCount(1)]
public class ImportBenchmarks : SuiteBenchmarks
{
    private int _importId;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await SetUpSubDistrictAsync();
        var path = Target.RosterPath ?? throw new UsageException("import.check-100k needs --roster (write one with make-roster).");
        var content = await File.ReadAllBytesAsync(path);
        var upload = RosterUpload.Inspect(content);
        if (upload.Refusal is { } refusal)
        {
            throw new UsageException($"{path}: {refusal}");
        }

        _importId = await Target.AsAsync(Admin, async db =>
        {
            var now = DateTime.UtcNow;
            var import = MemberImport.Checking(Admin, Path.GetFileName(path), upload, Protector.Encrypt(content), now);
            db.MemberImports.Add(import);
            await db.SaveChangesAsync();
            return import.Id;
        });
    }

    [GlobalCleanup]
    public Task CleanUpAsync() =>
        Target.AsAsync(Admin, db => db.MemberImports.Where(i => i.Id == _importId).ExecuteDeleteAsync());

    /// <summary>Returns the rows checked. A roster with problems fails the run: its check would stop early and measure less.</summary>
    [Benchmark, Report("import.check-100k", "检查10万行党员名册（导入预览，不写入）")]
    public Task<int> Check() => Target.InScopeAsync(Admin, async services =>
    {
        await services.GetRequiredService<MemberImporter>().RunAsync(_importId, ImportPhase.Check, CancellationToken.None);
        var db = services.GetRequiredService<Data.DoorstepDb>();
        var outcome = await db.MemberImports.AsNoTracking().Where(i => i.Id == _importId)
            .Select(i => new { i.Status, i.RowCount, i.ErrorCount, i.Report }).SingleAsync();
        return outcome.Status == MemberImportStatus.Ready
            ? outcome.RowCount
            : throw new InvalidOperationException($"The roster did not check clean ({outcome.Status}, {outcome.ErrorCount} problems): {outcome.Report?[..Math.Min(600, outcome.Report.Length)]}");
    });
}
