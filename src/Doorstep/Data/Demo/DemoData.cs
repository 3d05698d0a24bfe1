using Doorstep.Features.Accounts;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Data.Demo;

/// <summary>
/// The demo: 嘉兴路街道 with 27 residential areas, the 彩虹之嘉 temporary branch, about 2,000 fictional
/// members and the demo accounts. Deterministic, and only on an empty database.
/// </summary>
public sealed class DemoData(
    DoorstepDb db, AccountSetup accounts, PersonalDataProtector protector, TimeProvider clock, IEnumerable<IFeatureDemo> featureDemos)
{
    public sealed record DemoAccount(string UserName, string Role, string Description);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", Roles.SubDistrictAdmin, "街道管理员：全街道"),
        new("zhangqiao", Roles.AreaCadre, "居民区干部：张桥居民区"),
        new("ruixin", Roles.AreaCadre, "居民区干部：瑞鑫居民区"),
        new("caihong", Roles.TemporaryBranchSecretary, "临时党支部书记：彩虹之嘉"),
        new("quwei", Roles.DistrictOrganizationDepartment, "区委组织部：虹口区各街道，只读"),
    ];

    /// <summary>The ten areas the newsletter names, then seventeen more of the same kind.</summary>
    public static readonly IReadOnlyList<string> AreaNames =
    [
        "瑞鑫", "张桥", "大连", "岳州", "天水", "天虹", "梧州", "庆阳", "瑞康", "和平",
        "嘉兴", "海伦", "安丘", "新港", "虹叶", "祥德", "赤峰", "四平", "瑞虹", "景虹",
        "东余杭", "丰镇", "宝元", "黄山", "溧阳", "海宁", "虹镇",
    ];

    private static readonly string[] CaihongAreas = ["大连", "岳州", "天水", "张桥", "天虹", "梧州", "庆阳", "瑞康"];

    private static readonly string[] DepartmentNames = ["社区党建办", "街道安委会", "民防办", "城市管理办", "社区自治办"];

    public async Task SeedAsync(int memberCount = 2000)
    {
        // The demo writes a whole sub-district, its accounts included: it acts as the system, by name.
        using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("演示数据"));
        if (await db.SubDistricts.AnyAsync())
        {
            return;
        }

        var random = new Random(20210513);
        var today = ChinaTime.Today(clock);

        var subDistrict = new SubDistrict { Name = "嘉兴路街道", District = "虹口区", City = "上海市" };
        db.SubDistricts.Add(subDistrict);
        await db.SaveChangesAsync();

        var committee = new OrgUnit { SubDistrictId = subDistrict.Id, Kind = OrgUnitKind.WorkingCommittee, Name = "嘉兴路街道党工委" };
        db.OrgUnits.Add(committee);
        var departments = DepartmentNames.Select(n => new Department { SubDistrictId = subDistrict.Id, Name = n }).ToList();
        db.Departments.AddRange(departments);

        var areas = AreaNames.Select(n => new ResidentialArea { SubDistrictId = subDistrict.Id, Name = n }).ToList();
        db.ResidentialAreas.AddRange(areas);
        await db.SaveChangesAsync();

        var branchesByArea = new Dictionary<int, List<OrgUnit>>();
        foreach (var area in areas)
        {
            var general = new OrgUnit
            {
                SubDistrictId = subDistrict.Id,
                Parent = committee,
                Kind = OrgUnitKind.GeneralBranch,
                Name = $"{area.Name}居民区党总支",
                ResidentialAreaId = area.Id,
            };
            var branches = Enumerable.Range(1, 2 + (area.Id % 3)).Select(i => new OrgUnit
            {
                SubDistrictId = subDistrict.Id,
                Parent = general,
                Kind = OrgUnitKind.Branch,
                Name = $"{area.Name}居民区第{"一二三四"[i - 1]}党支部",
                ResidentialAreaId = area.Id,
            }).ToList();
            db.OrgUnits.Add(general);
            db.OrgUnits.AddRange(branches);
            branchesByArea[area.Id] = branches;
        }

        var caihong = new OrgUnit
        {
            SubDistrictId = subDistrict.Id,
            Parent = committee,
            Kind = OrgUnitKind.TemporaryBranch,
            Name = "彩虹之嘉临时党支部",
            Place = "彩虹湾",
        };
        db.OrgUnits.Add(caihong);
        await db.SaveChangesAsync();

        var areaByName = areas.ToDictionary(a => a.Name);
        var members = new List<Member>(memberCount);
        var usedIds = new HashSet<string>();

        Member Add(string name, ResidentialArea home, DateOnly birth, Gender gender, DateOnly fullMemberOn, CareNeeds needs)
        {
            var member = NewMember(random, name, home, branchesByArea[home.Id], birth, gender, fullMemberOn, needs, usedIds);
            members.Add(member);
            return member;
        }

        // People the newsletter names, so that the demo tells its story.
        Add("吴德勤", areaByName["瑞鑫"], new DateOnly(1938, 4, 12), Gender.Male, new DateOnly(1962, 7, 1), CareNeeds.LowVision | CareNeeds.HardOfHearing);
        Add("杨莺芳", areaByName["张桥"], new DateOnly(1943, 9, 3), Gender.Female, new DateOnly(1968, 5, 20), CareNeeds.LimitedMobility);
        var secretary = Add("周菊妹", areaByName["张桥"], new DateOnly(1956, 11, 26), Gender.Female, new DateOnly(1985, 6, 30), CareNeeds.UsesSmartphone);
        Add("郑雷", areaByName["和平"], new DateOnly(1975, 2, 8), Gender.Male, new DateOnly(1998, 7, 1), CareNeeds.UsesSmartphone);

        while (members.Count < memberCount)
        {
            var gender = random.Next(100) < 52 ? Gender.Female : Gender.Male;
            var birth = FictionalPeople.BirthDate(random, today);
            var age = Member.AgeOn(birth, today);
            var fullMemberOn = birth.AddYears(random.Next(19, Math.Min(45, age - 1))).AddDays(random.Next(365));
            if (fullMemberOn > today)
            {
                fullMemberOn = today.AddDays(-random.Next(30, 300));
            }

            var name = FictionalPeople.Name(random);
            Add(name, areas[random.Next(areas.Count)], birth, gender, fullMemberOn, FictionalPeople.Needs(random, age));
        }

        foreach (var member in members.Skip(4))
        {
            // About one in eight lives in another area than the registration (人户分离).
            if (random.Next(8) == 0)
            {
                var elsewhere = areas[random.Next(areas.Count)];
                member.ResidenceAreaId = elsewhere.Id;
                member.ResidenceAddress = FictionalPeople.Address(random, elsewhere.Id);
            }

            member.Status = random.Next(1000) switch
            {
                < 20 => MemberStatus.LostContact,
                < 32 => MemberStatus.Mobile,
                < 40 => MemberStatus.TransferredOut,
                < 50 => MemberStatus.Deceased,
                _ => MemberStatus.Normal,
            };

            if (random.Next(100) < 3)
            {
                member.Category = MemberCategory.Probationary;
                member.JoinedOn = today.AddDays(-random.Next(30, 360));
                member.FullMemberOn = null;
            }
        }

        db.Members.AddRange(members);
        await db.SaveChangesAsync();

        // 彩虹之嘉: 20 members from 8 areas who now live at 彩虹湾; the secretary is 周菊妹 of 张桥.
        var caihongMembers = new List<Member> { secretary };
        foreach (var areaName in CaihongAreas)
        {
            var areaId = areaByName[areaName].Id;
            caihongMembers.AddRange(members
                .Where(m => m.RegisteredAreaId == areaId && m != secretary && m.Status == MemberStatus.Normal)
                .Take(areaName == "张桥" ? 1 : 3 - (areaName.Length % 2)));
        }

        caihong.SecretaryMemberId = secretary.Id;
        foreach (var member in caihongMembers.Take(20))
        {
            member.ResidenceAreaId = null;
            member.ResidenceAddress = $"虹口区彩虹湾{random.Next(1, 12)}号楼{random.Next(1, 30)}0{random.Next(1, 4)}室";
            db.TemporaryBranchMemberships.Add(new TemporaryBranchMembership { OrgUnitId = caihong.Id, MemberId = member.Id, JoinedOn = today.AddMonths(-7) });
        }

        await db.SaveChangesAsync();

        await CreateAccountsAsync(subDistrict, areaByName, caihong);

        var demo = new DemoSubDistrict(subDistrict, areaByName, departments.ToDictionary(d => d.Name), caihong, today, random);
        foreach (var featureDemo in featureDemos.OrderBy(f => f.Order))
        {
            await featureDemo.SeedAsync(demo);
        }
    }

    private async Task CreateAccountsAsync(SubDistrict subDistrict, Dictionary<string, ResidentialArea> areaByName, OrgUnit caihong)
    {
        await accounts.CreateAsync("admin", "街道管理员", Roles.SubDistrictAdmin, subDistrict.Id, AccountsFeature.DemoPassword);
        await accounts.CreateAsync("zhangqiao", "张桥居民区干部", Roles.AreaCadre, subDistrict.Id, AccountsFeature.DemoPassword, residentialAreaId: areaByName["张桥"].Id);
        await accounts.CreateAsync("ruixin", "瑞鑫居民区干部", Roles.AreaCadre, subDistrict.Id, AccountsFeature.DemoPassword, residentialAreaId: areaByName["瑞鑫"].Id);
        await accounts.CreateAsync("caihong", "周菊妹", Roles.TemporaryBranchSecretary, subDistrict.Id, AccountsFeature.DemoPassword, orgUnitId: caihong.Id);
        await accounts.CreateAsync("quwei", "区委组织部", Roles.DistrictOrganizationDepartment, subDistrict.Id, AccountsFeature.DemoPassword);
    }

    private Member NewMember(Random random, string name, ResidentialArea home, List<OrgUnit> branches, DateOnly birth, Gender gender,
        DateOnly fullMemberOn, CareNeeds needs, HashSet<string> usedIds)
    {
        var member = new Member
        {
            Name = name,
            Gender = gender,
            Ethnicity = random.Next(100) < 97 ? "汉族" : "回族",
            BirthDate = birth,
            SubDistrictId = home.SubDistrictId,
            OrgUnitId = branches[random.Next(branches.Count)].Id,
            Education = FictionalPeople.Education(random, birth),
            JoinedOn = fullMemberOn.AddYears(-1),
            FullMemberOn = fullMemberOn,
            Category = MemberCategory.Full,
            RegisteredAreaId = home.Id,
            RegisteredAddress = FictionalPeople.Address(random, home.Id),
            ResidenceAreaId = home.Id,
            CareNeeds = needs,
            Status = MemberStatus.Normal,
        };
        member.ResidenceAddress = member.RegisteredAddress;

        string id;
        do
        {
            id = FictionalPeople.IdNumber(random, "310109", birth, gender);
        }
        while (!usedIds.Add(id));

        member.SetIdNumber(id, protector);
        if (needs.HasFlag(CareNeeds.UsesSmartphone) || random.Next(100) < 60)
        {
            member.SetPhone(FictionalPeople.Phone(random), protector);
        }

        return member;
    }
}
