using BenchmarkDotNet.Attributes;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>The member list's one search box, typed into in each of the ways it understands (MemberFilter.Apply).</summary>
public class SearchBenchmarks : SuiteBenchmarks
{
    private const int Inputs = 50;
    private List<string> _names = [];
    private List<string> _nameParts = [];
    private List<string> _initials = [];
    private List<string> _idTails = [];
    private List<string> _idNumbers = [];
    private List<string> _phones = [];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await SetUpSubDistrictAsync();
        var sample = await Target.AsAsync(Admin, db => db.MembersInScope.AsNoTracking().OrderBy(m => m.Id).Take(5000)
            .Select(m => new { m.Name, m.NameInitials, m.IdNumberTail, m.IdNumberCipher, m.PhoneCipher }).ToListAsync());
        var threeCharacters = sample.Where(m => m.Name.Length == 3).ToList();
        _names = Spread(sample.Select(m => m.Name).Distinct().ToList(), Inputs);
        _nameParts = Spread(threeCharacters.Select(m => m.Name[1..]).Distinct().ToList(), Inputs);
        _initials = Spread(threeCharacters.Select(m => m.NameInitials).Where(i => i.Length == 3 && i.All(char.IsAsciiLetter)).Distinct().ToList(), Inputs);
        _idTails = Spread(sample.Select(m => m.IdNumberTail).Distinct().ToList(), Inputs);
        _idNumbers = Spread(sample, Inputs).Select(m => Protector.Decrypt(m.IdNumberCipher)).ToList();
        _phones = Spread(sample.Where(m => m.PhoneCipher != null).ToList(), Inputs).Select(m => Protector.Decrypt(m.PhoneCipher!)).ToList();
    }

    [Benchmark, Report("search.name", "按姓名查找（街道管理员）")]
    public Task<int> Name() => ListPageAsync(Admin, new MemberFilter { Q = Next(_names) });

    [Benchmark, Report("search.name.everything", "按姓名查找（全部党员，不限范围）")]
    public Task<int> NameEverywhere() => ListPageAsync(CurrentUser.System("基准测试：不限范围的姓名搜索"), new MemberFilter { Q = Next(_names) });

    [Benchmark, Report("search.name-part", "按姓名中的两个字查找（街道管理员）")]
    public Task<int> NamePart() => ListPageAsync(Admin, new MemberFilter { Q = Next(_nameParts) });

    [Benchmark, Report("search.pinyin", "按拼音首字母查找（街道管理员）")]
    public Task<int> Pinyin() => ListPageAsync(Admin, new MemberFilter { Q = Next(_initials) });

    [Benchmark, Report("search.id-tail", "按身份证号后四位查找（街道管理员）")]
    public Task<int> IdTail() => ListPageAsync(Admin, new MemberFilter { Q = Next(_idTails) });

    [Benchmark, Report("search.id-number", "按完整身份证号查找（街道管理员）")]
    public Task<int> IdNumber() => ListPageAsync(Admin, new MemberFilter { Q = Next(_idNumbers) });

    [Benchmark, Report("search.phone", "按完整手机号查找（街道管理员）")]
    public Task<int> Phone() => ListPageAsync(Admin, new MemberFilter { Q = Next(_phones) });
}
