using BenchmarkDotNet.Attributes;
using Doorstep.Features.Listening;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>
/// 随身听's two hot paths: a player's progress save (as the card holder, one UPDATE through the card's
/// filter; issue 12 asks ≥ 700 a second at p95 ≤ 50 ms) and an area's listening report (p95 ≤ 100 ms at
/// 1,000,000 members). Works on any data set: it shelves one book in the first sub-district when
/// there is none, and the saves make the progress rows the report then reads.
/// </summary>
public class ListeningBenchmarks : SuiteBenchmarks
{
    private List<CurrentUser> _holders = [];
    private List<CurrentUser> _cadres = [];
    private List<int> _areas = [];
    private int _chapterId;
    private double _position;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await SetUpSubDistrictAsync();
        var system = CurrentUser.System("基准测试");
        _chapterId = await Target.AsAsync(system, async db =>
        {
            var chapter = await db.StudyChapters.Where(c => c.SubDistrictId == SubDistrictId).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();
            if (chapter is { } id)
            {
                return id;
            }

            var book = new StudyBook { SubDistrictId = SubDistrictId, Title = "基准测试书目", Position = 1, CreatedAt = DateTime.UtcNow };
            var added = new StudyChapter { Book = book, SubDistrictId = SubDistrictId, Number = 1, Title = "第一章", Text = "基准测试。" };
            db.StudyChapters.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        var members = await Target.AsAsync(Admin, db => db.Members.Where(m => m.SubDistrictId == SubDistrictId).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        _holders = Spread(members, 400).Select(m => new CurrentUser($"card:{m}", "基准测试·随身听卡", new DataScope(ScopeKind.MemberCard, SubDistrictId, MemberId: m))).ToList();
        _areas = await Target.AsAsync(Admin, db => db.ResidentialAreas.Where(a => a.SubDistrictId == SubDistrictId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        _cadres = _areas.Select(a => BenchTarget.AreaCadre(SubDistrictId, a)).ToList();
    }

    [Benchmark, Report("listening.progress-save", "随身听进度保存（持卡人，每次一条）")]
    public Task<int> ProgressSave()
    {
        var holder = Next(_holders);
        var position = _position += 10;
        return Target.AsAsync(holder, async db =>
            await ListeningProgressSave.SaveAsync(db, holder.Scope.MemberId, SubDistrictId, _chapterId, position, 10, completed: false, DateTime.UtcNow) ? 1 : 0);
    }

    [Benchmark, Report("listening.area-report", "居民区随身听收听情况（本月听了谁、谁还没开始；第一页）")]
    public Task<int> AreaReport()
    {
        var cadre = Next(_cadres);
        return Target.AsAsync(cadre, async db =>
            (await ListeningReport.PageAsync(db, cadre.Scope.ResidentialAreaId, ListeningProgress.MonthOf(DateTime.UtcNow), null, 1)).Rows.Count);
    }
}
