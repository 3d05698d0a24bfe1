using System.Security.Claims;
using Doorstep.Data;
using Doorstep.Data.Demo;
using Doorstep.Features.Accounts;
using Doorstep.Features.Activities.Volunteers;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>
/// The demo's activities: the Thursday volunteer day (创文志愿者活动日) in every area, the 彩虹之嘉
/// lecture and oath renewal, a sub-district-wide 爱国卫生运动, the 5·12 防灾减灾 event with its
/// head-count (500余人) and handouts (1000余册), a few volunteers per area and one volunteer account.
/// A few hundred rows: it runs for every test fixture.
/// </summary>
public sealed class ActivitiesDemo(DoorstepDb db, AccountSetup accounts, UserManager<UserAccount> users, PersonalDataProtector protector) : IFeatureDemo
{
    public const string VolunteerUserName = "zhiyuan";

    public int Order => 45;

    public IReadOnlyList<DemoData.DemoAccount> Accounts { get; } =
        [new(VolunteerUserName, Roles.Volunteer, "志愿者：张桥居民区，查看自己的服务安排与时长、扫码签到")];

    private static readonly string[] VolunteerNames = ["陈志强", "李秀英", "王建华"];

    public async Task SeedAsync(DemoSubDistrict demo)
    {
        var today = demo.Today;
        var sub = demo.SubDistrict.Id;
        var areas = demo.AreasByName.Values.OrderBy(a => a.Id).ToList();
        var now = DateTime.UtcNow;

        // 每周四创文志愿者活动日: one row per area, from the Thursday eight weeks back, holidays left out.
        var firstThursday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Thursday + 7) % 7) - 56);
        var drive = Guid.NewGuid().ToString("N");
        var thursdays = areas.Select(area => new Activity
        {
            SubDistrictId = sub,
            AreaId = area.Id,
            DriveKey = drive,
            Kind = ActivityKind.VolunteerService,
            Title = "创文志愿者活动日",
            Partner = "市民驿站",
            Place = $"{area.Name}居民区门口",
            Audience = "志愿者、党员",
            Description = "每周四上午：楼道清理、文明劝导、为高龄党员上门服务。",
            StartsOn = firstThursday,
            StartTime = new TimeOnly(9, 0),
            Minutes = 120,
            Repeat = RepeatKind.Weekly,
            SkipHolidays = true,
            CreatedAt = now,
            CreatedBy = "演示数据",
        }).ToList();
        db.Set<Activity>().AddRange(thursdays);

        var caihongArea = demo.AreasByName.GetValueOrDefault("彩虹湾")?.Id;
        var lecture = new Activity
        {
            SubDistrictId = sub,
            AreaId = caihongArea,
            Kind = ActivityKind.ThemeLecture,
            Title = "彩虹之嘉主题党课：学习新党章",
            OrganiserOrgUnitId = demo.TemporaryBranch.Id,
            Partner = "市民驿站",
            Place = "彩虹湾党群服务站",
            Audience = "彩虹之嘉临时党支部党员",
            Capacity = 40,
            StartsOn = today.AddDays(-20),
            StartTime = new TimeOnly(14, 0),
            Minutes = 90,
            CreatedAt = now,
            CreatedBy = "演示数据",
        };
        var oath = new Activity
        {
            SubDistrictId = sub,
            AreaId = caihongArea,
            Kind = ActivityKind.OathRenewal,
            Title = "彩虹之嘉重温入党誓词",
            OrganiserOrgUnitId = demo.TemporaryBranch.Id,
            Place = "彩虹湾党群服务站",
            Audience = "彩虹之嘉临时党支部党员",
            StartsOn = today.AddDays(-20),
            StartTime = new TimeOnly(15, 40),
            Minutes = 20,
            CreatedAt = now,
            CreatedBy = "演示数据",
        };
        var healthDrive = Guid.NewGuid().ToString("N");
        var health = areas.Select(area => new Activity
        {
            SubDistrictId = sub,
            AreaId = area.Id,
            DriveKey = healthDrive,
            Kind = ActivityKind.PatrioticHealth,
            Title = "爱国卫生运动：清洁家园",
            Place = $"{area.Name}居民区",
            Audience = "居民、志愿者、党员",
            StartsOn = today.AddDays(-13),
            StartTime = new TimeOnly(8, 30),
            Minutes = 150,
            CreatedAt = now,
            CreatedBy = "演示数据",
        }).ToList();
        var disaster = new Activity
        {
            SubDistrictId = sub,
            Kind = ActivityKind.DisasterPrevention,
            Title = "5·12防灾减灾日宣传活动",
            OrganiserDepartmentId = demo.DepartmentsByName.Values.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefault(),
            Partner = "市民驿站",
            Place = "嘉兴路街道市民驿站广场",
            Zones = "知识展区\n物资展示区\n资料发放台\n技能演练区",
            Audience = "周边居民、企业员工",
            StartsOn = new DateOnly(today.Year, 5, 12) <= today ? new DateOnly(today.Year, 5, 12) : new DateOnly(today.Year - 1, 5, 12),
            StartTime = new TimeOnly(9, 30),
            Minutes = 180,
            CreatedAt = now,
            CreatedBy = "演示数据",
        };
        db.Set<Activity>().AddRange([lecture, oath, disaster, .. health]);

        var volunteers = new List<Volunteer>();
        foreach (var area in areas.Where(a => a.Name is "张桥" or "瑞鑫"))
        {
            foreach (var name in VolunteerNames)
            {
                var volunteer = new Volunteer
                {
                    SubDistrictId = sub,
                    AreaId = area.Id,
                    Name = area.Name == "张桥" ? name : name[..1] + "小" + name[2..],
                    Skills = name == "陈志强" ? "维修、文明劝导" : "理发、助老陪伴",
                    ConsentOn = today.AddMonths(-6),
                    ConsentRecordedBy = "演示数据",
                };
                volunteer.SetPhone(Members.PhoneNumber.Parse($"139{demo.Random.Next(10_000_000, 99_999_999)}"), protector);
                volunteers.Add(volunteer);
            }
        }

        db.Set<Volunteer>().AddRange(volunteers);
        await db.SaveChangesAsync();

        db.Set<ActivityTally>().AddRange(
            Tally(disaster, TallyKind.HeadCount, "居民和企业员工", 520),
            Tally(disaster, TallyKind.Handout, "宣传手册", 1050),
            Tally(disaster, TallyKind.Handout, "应急物资清单", 300));
        foreach (var thursday in thursdays.Where(t => volunteers.Any(v => v.AreaId == t.AreaId)))
        {
            foreach (var date in Recurrence.Between(thursday, thursday.StartsOn, today, []).Select(o => o.RuleDate))
            {
                foreach (var volunteer in volunteers.Where(v => v.AreaId == thursday.AreaId && demo.Random.Next(4) > 0))
                {
                    db.Set<Attendance>().Add(new Attendance
                    {
                        ActivityId = thursday.Id,
                        Date = date,
                        SubDistrictId = sub,
                        AreaId = thursday.AreaId,
                        VolunteerId = volunteer.Id,
                        PersonKey = Attendance.KeyOf(null, volunteer.Id),
                        Name = volunteer.Name,
                        CheckedInAt = date.ToDateTime(new TimeOnly(1, 5), DateTimeKind.Utc),
                        Way = AttendanceWay.QrCode,
                        RecordedBy = volunteer.Name,
                        ServiceMinutes = thursday.Minutes,
                    });
                }
            }
        }

        var branchMembers = await db.Members.Where(m => m.TemporaryBranches.Any(t => t.OrgUnitId == demo.TemporaryBranch.Id))
            .OrderBy(m => m.Id).Take(12).Select(m => new { m.Id, m.Name, m.OrgUnitId }).ToListAsync();
        foreach (var activity in new[] { lecture, oath })
        {
            db.Set<Attendance>().AddRange(branchMembers.Select(m => new Attendance
            {
                ActivityId = activity.Id,
                Date = activity.StartsOn,
                SubDistrictId = sub,
                AreaId = activity.AreaId,
                MemberId = m.Id,
                PersonKey = Attendance.KeyOf(m.Id, null),
                Name = m.Name,
                OrgUnitId = m.OrgUnitId,
                SignedUpAt = now.AddDays(-25),
                CheckedInAt = activity.StartsOn.ToDateTime(activity.StartTime, DateTimeKind.Utc).AddHours(-8),
                Way = AttendanceWay.ByHand,
                RecordedBy = "周菊妹",
            }));
        }

        await db.SaveChangesAsync();

        var zhangqiaoVolunteer = volunteers.First(v => v.AreaId == demo.AreasByName["张桥"].Id);
        await accounts.CreateAsync(VolunteerUserName, zhangqiaoVolunteer.Name, Roles.Volunteer, sub, AccountsFeature.DemoPassword);
        var account = await users.FindByNameAsync(VolunteerUserName);
        await users.AddClaimAsync(account!, new Claim(DataScope.Claims.Volunteer, zhangqiaoVolunteer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        zhangqiaoVolunteer.AccountId = account!.Id;
        await db.SaveChangesAsync();

        ActivityTally Tally(Activity activity, TallyKind kind, string label, int count) => new()
        {
            ActivityId = activity.Id,
            Date = activity.StartsOn,
            SubDistrictId = sub,
            AreaId = activity.AreaId,
            Kind = kind,
            Label = label,
            Count = count,
            RecordedAt = now,
            RecordedBy = "演示数据",
        };
    }
}
