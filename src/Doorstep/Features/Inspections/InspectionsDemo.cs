using Doorstep.Data;
using Doorstep.Data.Demo;
using Doorstep.Features.Accounts;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Inspections;

/// <summary>
/// 创文 in the demo: the categories, the matrix for every area of 嘉兴路街道, three fixed points and a
/// Thursday round per area, last Thursday's walk in two areas, and spots in every state (overdue,
/// reopened, verified, declined) in 张桥 and 瑞鑫, plus a handler account for 城市管理办. No photos:
/// it runs for every test fixture, and a photo costs an image encode.
/// </summary>
public sealed class InspectionsDemo(DoorstepDb db, AccountSetup accounts, TimeProvider clock) : IFeatureDemo
{
    public int Order => 60;

    public const string HandlerUserName = "chengguan";

    public IReadOnlyList<DemoData.DemoAccount> Accounts { get; } =
        [new(HandlerUserName, Roles.DepartmentHandler, "部门经办人：城市管理办（创文问题整改）")];

    /// <summary>Which department owns which category in the demo, and the usual responsible person.</summary>
    private static readonly Dictionary<string, (string Department, string Person)> Owners = new()
    {
        ["卫生死角"] = ("城市管理办", "陈建国"),
        ["楼道堆物"] = ("街道安委会", "刘明"),
        ["乱张贴"] = ("城市管理办", "陈建国"),
        ["非机动车乱停"] = ("社区自治办", "王丽"),
        ["设施损坏"] = ("城市管理办", "赵强"),
        ["交通秩序"] = ("民防办", "孙伟"),
    };

    private static readonly string[] PointNames = ["小区主入口", "垃圾厢房", "沿街商铺门前"];

    public async Task SeedAsync(DemoSubDistrict demo)
    {
        var subDistrictId = demo.SubDistrict.Id;
        var categories = InspectionCategory.Starting
            .Select((c, i) => new InspectionCategory { SubDistrictId = subDistrictId, Name = c.Name, DefaultDeadlineHours = c.Hours, Order = i })
            .ToList();
        db.AddRange(categories);
        await db.SaveChangesAsync();

        var thursday = demo.Today.AddDays(-(((int)demo.Today.DayOfWeek - (int)DayOfWeek.Thursday + 7) % 7));
        var points = new Dictionary<int, List<InspectionPoint>>();
        foreach (var area in demo.AreasByName.Values)
        {
            foreach (var category in categories)
            {
                var (department, person) = Owners[category.Name];
                db.Add(new ResponsibilityRule
                {
                    SubDistrictId = subDistrictId,
                    AreaId = area.Id,
                    CategoryId = category.Id,
                    DepartmentId = demo.DepartmentsByName[department].Id,
                    ResponsiblePerson = person,
                    DeadlineHours = category.DefaultDeadlineHours,
                });
            }

            points[area.Id] = PointNames.Select((n, i) => new InspectionPoint
            {
                SubDistrictId = subDistrictId,
                AreaId = area.Id,
                Name = $"{area.Name}{n}",
                Order = i,
                PlanX = 200 + (i * 250),
                PlanY = 300 + (i * 120),
            }).ToList();
            db.AddRange(points[area.Id]);
            db.Add(new InspectionRound { SubDistrictId = subDistrictId, AreaId = area.Id, Weekday = DayOfWeek.Thursday, StartsOn = thursday.AddDays(-28) });
        }

        await db.SaveChangesAsync();

        var now = clock.GetUtcNow().UtcDateTime;
        var zhangqiao = demo.AreasByName["张桥"];
        var ruixin = demo.AreasByName["瑞鑫"];
        var byName = categories.ToDictionary(c => c.Name);
        var rules = db.Set<ResponsibilityRule>().Local.ToList();
        var system = new SpotActor(null, db.CurrentUser.Name, subDistrictId, null, null, IsAdmin: true);
        var handler = new SpotActor(null, "陈建国", subDistrictId, null, demo.DepartmentsByName["城市管理办"].Id, IsAdmin: false);
        var cadre = new SpotActor(null, "张桥居民区干部", subDistrictId, zhangqiao.Id, null, IsAdmin: false);

        ProblemSpot Spot(int areaId, string category, string description, string address, double hoursAgo)
        {
            var at = now.AddHours(-hoursAgo);
            var spot = ProblemSpot.Register(subDistrictId, areaId, byName[category].Id, description, address, ReporterKind.Volunteer, "志愿者 李阿姨", system, at);
            spot.Route(rules.Single(r => r.AreaId == areaId && r.CategoryId == spot.CategoryId), at);
            db.Add(spot);
            return spot;
        }

        var overdue = Spot(zhangqiao.Id, "卫生死角", "绿化带里堆积生活垃圾，有异味", "张桥路 88 弄 5 号楼后绿化带", 60);
        overdue.Start(handler, now.AddHours(-50));
        var fresh = Spot(zhangqiao.Id, "乱张贴", "单元门上贴满小广告", "张桥路 88 弄 12 号单元门", 3);
        var fixedSpot = Spot(zhangqiao.Id, "设施损坏", "健身器材扶手断裂", "张桥小区中心花园", 50);
        fixedSpot.MarkFixed(handler, "已更换扶手并加固螺丝", afterPhotos: 1, now.AddHours(-5));
        var reopened = Spot(zhangqiao.Id, "卫生死角", "垃圾厢房外地面油污", "张桥小区垃圾厢房", 40);
        reopened.MarkFixed(handler, "已冲洗地面", afterPhotos: 1, now.AddHours(-20));
        reopened.Reopen(cadre, "油污仍在，需用清洁剂处理", now.AddHours(-18));
        var verified = Spot(ruixin.Id, "乱张贴", "电线杆上张贴招租广告", "瑞鑫路口电线杆", 120);
        verified.MarkFixed(handler, "已清除并刷白", afterPhotos: 1, now.AddHours(-100));
        verified.Verify(system, now.AddHours(-90));
        var declined = Spot(ruixin.Id, "楼道堆物", "楼道堆放纸板箱", "瑞鑫小区 7 号楼 3 楼楼道", 10);
        declined.Decline(new SpotActor(null, "刘明", subDistrictId, null, declined.DepartmentId, false), "属于物业管理范围，请改派居民区自治办");
        var escalated = Spot(ruixin.Id, "设施损坏", "路灯不亮，夜间行走不便", "瑞鑫小区东门路灯", 110);
        escalated.EscalateIfLate(now);
        await db.SaveChangesAsync();

        foreach (var spot in new[] { overdue, fresh, fixedSpot, reopened, verified, declined, escalated })
        {
            db.Add(new SpotUpdate { ProblemSpotId = spot.Id, Step = SpotStep.Registered, Status = SpotStatus.Registered, At = spot.ReportedAt, By = spot.ReportedBy });
            db.Add(new SpotUpdate { ProblemSpotId = spot.Id, Step = SpotStep.Dispatched, Status = SpotStatus.Dispatched, At = spot.ReportedAt, By = spot.ReportedBy, Note = "按责任清单自动派单" });
            if (spot.Status != SpotStatus.Dispatched)
            {
                var step = spot.Status switch
                {
                    SpotStatus.InProgress when spot.ReopenCount > 0 => SpotStep.Reopened,
                    SpotStatus.InProgress => SpotStep.Started,
                    SpotStatus.Fixed => SpotStep.Fixed,
                    SpotStatus.Verified => SpotStep.Verified,
                    SpotStatus.NotOurs => SpotStep.Declined,
                    _ => SpotStep.Escalated,
                };
                db.Add(new SpotUpdate { ProblemSpotId = spot.Id, Step = step, Status = spot.Status, At = now.AddHours(-1), By = "演示", Note = spot.LastReason ?? spot.FixNote });
            }
        }

        // Last Thursday's walk in 张桥 found the overdue spot at its bin room; 瑞鑫 skipped it.
        var walk = new RoundWalk { SubDistrictId = subDistrictId, AreaId = zhangqiao.Id, Date = thursday, Inspector = "志愿者 李阿姨", StartedAt = now.AddHours(-60) };
        walk.Checks.Add(new PointCheck { InspectionPointId = points[zhangqiao.Id][0].Id, Clean = true, CheckedAt = walk.StartedAt });
        walk.Checks.Add(new PointCheck { InspectionPointId = points[zhangqiao.Id][1].Id, Clean = false, ProblemSpotId = overdue.Id, CheckedAt = walk.StartedAt });
        walk.Checks.Add(new PointCheck { InspectionPointId = points[zhangqiao.Id][2].Id, Clean = true, CheckedAt = walk.StartedAt });
        db.Add(walk);
        await db.SaveChangesAsync();

        await accounts.CreateAsync(HandlerUserName, "陈建国（城市管理办）", Roles.DepartmentHandler, subDistrictId, AccountsFeature.DemoPassword,
            departmentId: demo.DepartmentsByName["城市管理办"].Id);
    }
}
