using Doorstep.Data;
using Doorstep.Features.Inspections;
using Doorstep.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

public sealed partial class ScaleData
{
    private static readonly string[] SpotDepartments = ["城市管理办", "街道安委会", "市容环境所", "房屋管理办", "平安办"];

    private static readonly string[] SpotDescriptions =
    [
        "绿化带里有垃圾和烟头", "楼道里堆放旧家具和纸板", "墙面和电线杆上贴满小广告", "共享单车堆在人行道上",
        "路灯不亮，井盖松动", "路口车辆乱停，挡住了通道", "垃圾箱房周边有散落垃圾", "楼道里停放电瓶车并充电",
    ];

    /// <summary>
    /// 创文 in proportion: one problem spot per member (1,000,000 over five years for 1,000,000), with
    /// each sub-district's categories, departments, matrix (area × category), three points per area and a
    /// Thursday round. Each spot is taken through the entity's own steps (registered, routed by its matrix
    /// row, started, fixed, verified; a few reopened, declined or overdue), so every row is one the app
    /// could have written, with a history row per step. Recent spots are still open; older ones closed.
    /// Written 50,000 spots at a time with their history, so memory stays bounded at any size.
    /// Before/after photos are not made: no list, figure or API reads them.
    /// </summary>
    private async Task InspectionsAsync(
        IReadOnlyList<(SubDistrict SubDistrict, List<ResidentialArea> Areas)> places, int spotCount, int seed, DateTime now, CancellationToken cancellationToken)
    {
        var random = new Random(seed + 14);
        var started = System.Diagnostics.Stopwatch.StartNew();

        // Each sub-district's lists are small: they go through EF like any other write.
        var setups = new List<(SubDistrict SubDistrict, List<ResidentialArea> Areas, List<InspectionCategory> Categories, Dictionary<(int, int), ResponsibilityRule> Rules, Dictionary<int, List<InspectionPoint>> Points)>();
        foreach (var (subDistrict, areas) in places)
        {
            var categories = InspectionCategory.Starting
                .Select((c, i) => new InspectionCategory { SubDistrictId = subDistrict.Id, Name = c.Name, DefaultDeadlineHours = c.Hours, Order = i + 1 }).ToList();
            var departments = SpotDepartments.Select(d => new Department { SubDistrictId = subDistrict.Id, Name = d }).ToList();
            db.AddRange(categories);
            db.AddRange(departments);
            await db.SaveChangesAsync(cancellationToken);
            var rules = areas.SelectMany(a => categories.Select(c => new ResponsibilityRule
            {
                SubDistrictId = subDistrict.Id,
                AreaId = a.Id,
                CategoryId = c.Id,
                DepartmentId = departments[random.Next(departments.Count)].Id,
                ResponsiblePerson = PopulationNames.Name(random),
                DeadlineHours = c.DefaultDeadlineHours,
            })).ToList();
            var points = areas.SelectMany(a => Enumerable.Range(1, 3).Select(i => new InspectionPoint
            {
                SubDistrictId = subDistrict.Id,
                AreaId = a.Id,
                Name = $"{a.Name}{(i == 1 ? "菜场东门" : i == 2 ? "垃圾箱房" : "弄堂口")}",
                Order = i,
            })).ToList();
            db.AddRange(rules);
            db.AddRange(points);
            db.AddRange(areas.Select(a => new InspectionRound { SubDistrictId = subDistrict.Id, AreaId = a.Id, Weekday = DayOfWeek.Thursday, StartsOn = DateOnly.FromDateTime(now).AddYears(-5) }));
            await db.SaveChangesAsync(cancellationToken);
            setups.Add((subDistrict, areas, categories, rules.ToDictionary(r => (r.AreaId, r.CategoryId)), points.GroupBy(p => p.AreaId).ToDictionary(g => g.Key, g => g.ToList())));
        }

        db.ChangeTracker.Clear();
        var spotId = (await db.Set<ProblemSpot>().IgnoreQueryFilters().MaxAsync(s => (int?)s.Id, cancellationToken) ?? 0) + 1;
        var fiveYears = (int)TimeSpan.FromDays(5 * 365).TotalMinutes;
        var updates = 0;
        for (var done = 0; done < spotCount; done += RowsPerTransaction)
        {
            var spots = new List<ProblemSpot>(RowsPerTransaction);
            var history = new List<SpotUpdate>(RowsPerTransaction * 5);
            for (var i = done; i < Math.Min(spotCount, done + RowsPerTransaction); i++)
            {
                var (subDistrict, areas, categories, rules, points) = setups[i % setups.Count];
                var area = areas[random.Next(areas.Count)];
                var category = categories[random.Next(categories.Count)];
                var at = now.AddMinutes(-random.Next(fiveYears));
                var cadre = new SpotActor("generated-cadre", "居民区干部", subDistrict.Id, area.Id, null, IsAdmin: false);
                var atPoint = random.Next(100) < 20 ? points[area.Id][random.Next(3)] : null;
                // About 400 places an area: the same corner comes back, as the hot spots expect.
                var address = atPoint?.Name ?? $"{area.Name}{random.Next(1, 40)}弄{random.Next(1, 11)}号";
                var spot = ProblemSpot.Register(subDistrict.Id, area.Id, category.Id, SpotDescriptions[random.Next(SpotDescriptions.Length)], address,
                    (ReporterKind)random.Next(4), PopulationNames.Name(random), cadre, at);
                spot.Id = spotId++;
                spot.InspectionPointId = atPoint?.Id;
                spot.Priority = random.Next(100) < 10 ? random.Next(1, 4) : 0;
                spots.Add(spot);
                Step(SpotStep.Registered, at, cadre.Name, null);
                spot.Route(rules[(area.Id, category.Id)], at);
                Step(SpotStep.Dispatched, at, cadre.Name, "按责任清单自动派单");

                // Recent spots are at every step; older ones were closed but for a few left overdue.
                var handler = new SpotActor("generated-handler", "部门经办人", subDistrict.Id, null, spot.DepartmentId, IsAdmin: false);
                var age = (now - at).TotalDays;
                var roll = random.Next(100);
                var lastStep = age < 14 ? roll / 20 : roll < 2 ? 1 : 4;
                if (lastStep >= 1 && age >= 14 && roll == 1)
                {
                    Check(spot.Decline(handler, "不属于本部门，请改派"));
                    Step(SpotStep.Declined, at.AddHours(2), handler.Name, "不属于本部门，请改派");
                    continue;
                }

                if (lastStep >= 2)
                {
                    Check(spot.Start(handler, at = at.AddHours(random.Next(1, 12))));
                    Step(SpotStep.Started, at, handler.Name, null);
                }

                if (lastStep >= 3)
                {
                    var hours = random.Next(2, (int)Math.Max(3, (spot.DueAt!.Value - at).TotalHours * 1.4));
                    Check(spot.MarkFixed(handler, "已清理完毕", 1, at = at.AddHours(hours)));
                    Step(SpotStep.Fixed, at, handler.Name, "已清理完毕");
                    if (random.Next(100) < 3)
                    {
                        Check(spot.Reopen(cadre, "复查仍有堆物", at = at.AddHours(random.Next(4, 48))));
                        Step(SpotStep.Reopened, at, cadre.Name, "复查仍有堆物");
                        Check(spot.MarkFixed(handler, "再次清理", 1, at = at.AddHours(random.Next(2, 24))));
                        Step(SpotStep.Fixed, at, handler.Name, "再次清理");
                    }
                }

                if (lastStep >= 4 && (at = at.AddHours(random.Next(2, 72))) < now)
                {
                    Check(spot.Verify(cadre, at));
                    Step(SpotStep.Verified, at, cadre.Name, null);
                }

                if (spot.EscalateIfLate(now))
                {
                    Step(SpotStep.Escalated, spot.EscalatedAt!.Value, "系统", null);
                }

                void Step(SpotStep step, DateTime when, string by, string? note) =>
                    history.Add(new SpotUpdate { ProblemSpotId = spot.Id, Step = step, Status = spot.Status, At = when, By = by, Note = note });
            }

            await WriteAsync(spots, cancellationToken);
            // The history's keys come from the table's own identity (nothing refers to them), so that a row
            // the running app adds meanwhile (the escalation job's) can never take the same key.
            var updateEntity = db.Model.FindEntityType(typeof(SpotUpdate))!;
            foreach (var chunk in history.Chunk(RowsPerTransaction))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await BulkInsert.InsertAsync(db, updateEntity, chunk, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            updates += history.Count;
        }

        Progress(logger, "problem spots written", spotCount, started.Elapsed);
        Progress(logger, "problem spot history rows written", updates, started.Elapsed);

        static void Check(SpotError? refusal)
        {
            if (refusal is not null)
            {
                throw new InvalidOperationException($"generate: a problem spot's step was refused ({refusal.GetType().Name}).");
            }
        }
    }
}
