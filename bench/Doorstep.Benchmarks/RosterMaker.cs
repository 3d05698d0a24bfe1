using System.Globalization;
using Doorstep.Data.Demo;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>
/// A realistic roster for the first sub-district, in the import template's columns: new members
/// (the scale data's fictional people, under that sub-district's branches and areas) with one row in
/// fifty an update of a file the sub-district already holds (a new address and phone). Its admin
/// can import it without a single problem. Deterministic from the seed. 100,000 rows make an .xlsx
/// of about 19 MB, near the 20 MB upload limit: add no column without checking the size.
/// </summary>
/// <remarks>
/// New ID numbers use sequences 900–999, which the demo and the scale data never issue (see
/// FictionalPeople.IdNumber), so they cannot collide with a file already held anywhere.
/// </remarks>
public static class RosterMaker
{
    private const string AreaCode = "310109";
    private const int UpdateEvery = 50;

    /// <summary>
    /// The day the roster's people are born before: fixed, so that a roster made on another day names the
    /// same people, as a reused data set (which holds an earlier roster's members) needs.
    /// </summary>
    private static readonly DateOnly BornBefore = new(2026, 11, 30);

    /// <summary>Sequences 900–999 (the 15th to 17th digits) are this roster's.</summary>
    private static bool FromARoster(string idNumber) => idNumber.Length == 18 && idNumber[14] == '9';

    public static async Task<(int New, int Updates)> WriteAsync(BenchTarget target, int rows, string path, int seed = 11)
    {
        var subDistrict = await target.FirstSubDistrictAsync();
        var admin = BenchTarget.SubDistrictAdmin(subDistrict);
        var branches = await target.AsAsync(admin, db => db.OrgUnits.AsNoTracking()
            .Where(u => u.SubDistrictId == subDistrict && u.Kind == OrgUnitKind.Branch && u.ResidentialArea != null)
            .OrderBy(u => u.Id).Select(u => new { u.Name, Area = u.ResidentialArea!.Name, AreaId = u.ResidentialAreaId!.Value }).ToListAsync());
        var areas = branches.Select(b => b.Area).Distinct().ToList();
        var updates = rows / UpdateEvery;
        // Spread through the sub-district's files rather than its first few hundred.
        var held = await target.AsAsync(admin, db => db.MembersInScope.Where(m => m.Status == MemberStatus.Normal)
            .OrderBy(m => m.Id).Select(m => m.IdNumberCipher).ToListAsync());
        // On a data set measured before (--reuse-data), the earlier roster's members are held too; this
        // roster makes the same ones again, so none of them is taken for an update.
        var earlier = held.Select(target.Protector.Decrypt).Where(id => !FromARoster(id)).ToList();
        var heldIds = Enumerable.Range(0, Math.Min(updates, earlier.Count))
            .Select(i => earlier[i * earlier.Count / updates]).ToList();

        var random = new Random(seed);
        var today = ChinaTime.Today(TimeProvider.System);
        var sequences = new Dictionary<DateOnly, int>();
        var sheet = new List<Dictionary<string, object?>>(rows);
        var (created, updated) = (0, 0);
        for (var i = 0; i < rows; i++)
        {
            if (i % UpdateEvery == UpdateEvery - 1 && updated < heldIds.Count)
            {
                sheet.Add(Update(i, heldIds[updated++], random, areas));
                continue;
            }

            var branch = branches[random.Next(branches.Count)];
            sheet.Add(New(i, random, today, branch.Name, branch.Area, branch.AreaId, areas, sequences));
            created++;
        }

        await using (var file = File.Create(path))
        {
            await MiniExcelLibs.MiniExcel.SaveAsAsync(file, sheet, sheetName: "党员名册");
        }

        return (created, updated);
    }

    private static Dictionary<string, object?> New(
        int i, Random random, DateOnly today, string branch, string area, int areaId, List<string> areas, Dictionary<DateOnly, int> sequences)
    {
        var gender = random.Next(100) < 52 ? Gender.Female : Gender.Male;
        var birth = FictionalPeople.BirthDate(random, BornBefore);
        // A hundred numbers per birth date (900–999): a crowded date lends its people to the next day.
        while (sequences.GetValueOrDefault(birth) >= 100)
        {
            birth = birth.AddDays(-1);
        }

        var sequence = 900 + sequences.GetValueOrDefault(birth);
        sequences[birth] = sequence - 899;
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{AreaCode}{birth:yyyyMMdd}{sequence:D3}");
        var idNumber = first17 + IdNumber.CheckCharacter(first17);
        if ((first17[16] - '0') % 2 != (gender == Gender.Male ? 1 : 0))
        {
            gender = gender == Gender.Male ? Gender.Female : Gender.Male;
        }

        var age = Member.AgeOn(birth, today);
        var full = birth.AddYears(random.Next(19, Math.Min(45, age - 1))).AddDays(random.Next(365));
        var probationary = random.Next(100) < 3 || full > today;
        var joined = probationary ? today.AddDays(-random.Next(30, 360)) : full.AddYears(-1);
        var registered = FictionalPeople.Address(random, areaId);
        var livesElsewhere = random.Next(100) < 12;
        var residenceArea = livesElsewhere ? areas[random.Next(areas.Count)] : area;
        return new()
        {
            ["序号"] = i + 1,
            ["姓名"] = PopulationNames.Name(random),
            ["性别"] = gender == Gender.Male ? "男" : "女",
            ["民族"] = random.Next(100) < 97 ? "汉族" : "回族",
            ["出生日期"] = birth.ToDateTime(TimeOnly.MinValue),
            ["公民身份号码"] = idNumber,
            ["手机号"] = random.Next(100) < 70 ? FictionalPeople.Phone(random) : null,
            ["学历"] = FictionalPeople.Education(random, birth),
            ["入党日期"] = joined.ToString("yyyy.M.d", CultureInfo.InvariantCulture),
            ["转正日期"] = probationary ? null : full.ToString("yyyy.M.d", CultureInfo.InvariantCulture),
            ["党员类别"] = probationary ? "预备党员" : "正式党员",
            ["所在党组织"] = branch,
            ["户籍地址"] = registered,
            ["户籍所在居民区"] = area,
            ["居住地址"] = livesElsewhere ? FictionalPeople.Address(random, areaId + 1) : registered,
            ["居住所在居民区"] = residenceArea,
            ["关怀需求"] = string.Join("、", Member.Labels(FictionalPeople.Needs(random, age))),
        };
    }

    /// <summary>A file already held: a new address and phone; blank cells keep what is on file.</summary>
    private static Dictionary<string, object?> Update(int i, string idNumber, Random random, List<string> areas)
    {
        var area = areas[random.Next(areas.Count)];
        return new()
        {
            ["序号"] = i + 1,
            ["姓名"] = null,
            ["性别"] = null,
            ["民族"] = null,
            ["出生日期"] = null,
            ["公民身份号码"] = idNumber,
            ["手机号"] = FictionalPeople.Phone(random),
            ["学历"] = null,
            ["入党日期"] = null,
            ["转正日期"] = null,
            ["党员类别"] = null,
            ["所在党组织"] = null,
            ["户籍地址"] = null,
            ["户籍所在居民区"] = null,
            ["居住地址"] = FictionalPeople.Address(random, i),
            ["居住所在居民区"] = area,
            ["关怀需求"] = null,
        };
    }
}
