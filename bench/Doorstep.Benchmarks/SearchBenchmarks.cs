using BenchmarkDotNet.Attributes;
using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>
/// The member list's one search box, typed into in each of the ways it understands, through the
/// list page's own methods (MemberQueries.Matches: a name through the name index, the rest through
/// MemberFilter.Apply), by a sub-district admin and by the district (every generated member).
/// </summary>
public class SearchBenchmarks : SuiteBenchmarks
{
    private const int Inputs = 50;
    private List<string> _names = [];
    private List<string> _surnames = [];
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
        // Surnames as people are: drawn from the files, so the commonest come up most.
        _surnames = Spread(sample.Select(m => m.Name[..1]).ToList(), Inputs);
        _nameParts = Spread(threeCharacters.Select(m => m.Name[1..]).Distinct().ToList(), Inputs);
        _initials = Spread(threeCharacters.Select(m => m.NameInitials).Where(i => i.Length == 3 && i.All(char.IsAsciiLetter)).Distinct().ToList(), Inputs);
        _idTails = Spread(sample.Select(m => m.IdNumberTail).Distinct().ToList(), Inputs);
        _idNumbers = Spread(sample, Inputs).Select(m => Protector.Decrypt(m.IdNumberCipher)).ToList();
        _phones = Spread(sample.Where(m => m.PhoneCipher != null).ToList(), Inputs).Select(m => Protector.Decrypt(m.PhoneCipher!)).ToList();
    }

    [Benchmark, Report("search.name", "按姓名查找（街道管理员）")]
    public Task<int> Name() => ListPageAsync(Admin, new MemberFilter { Q = Next(_names) });

    [Benchmark, Report("search.name.district", "按姓名查找（区委组织部：全区党员）")]
    public Task<int> NameInDistrict() => ListPageAsync(BenchTarget.District(SubDistrictId), new MemberFilter { Q = Next(_names) });

    [Benchmark, Report("search.surname", "按姓氏查找（街道管理员）")]
    public Task<int> Surname() => ListPageAsync(Admin, new MemberFilter { Q = Next(_surnames) });

    [Benchmark, Report("search.surname.district", "按姓氏查找（区委组织部：全区党员）")]
    public Task<int> SurnameInDistrict() => ListPageAsync(BenchTarget.District(SubDistrictId), new MemberFilter { Q = Next(_surnames) });

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
