using System.Globalization;
using Doorstep.Data;
using Doorstep.Data.Demo;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Doorstep.Benchmarks;

/// <summary>
/// A large, realistic data set for benchmarks: sub-districts of 27–32 areas, about 40,000 members
/// each, with the demo's age and care-need shapes, 人户分离, temporary branches, transfers and audit
/// history in proportion. Deterministic from the seed; appends to whatever the database holds.
/// Rows are written straight to their tables by the app's <see cref="BulkInsert"/>, 50,000 to a
/// transaction, bypassing the audit and the scope guard on purpose (the history is generated too).
/// </summary>
/// <remarks>dotnet run --project bench/Doorstep.Benchmarks -c Release -- generate --provider Sqlite --connection "Data Source=…" --personal-data-key … --members 1000000 [--seed 7]</remarks>
public sealed partial class ScaleData(DoorstepDb db, PersonalDataProtector protector, TimeProvider clock, ILogger<ScaleData> logger)
{
    private const int MembersPerSubDistrict = 40_000;
    private const int RowsPerTransaction = 50_000;

    public async Task GenerateAsync(int memberCount, int seed, CancellationToken cancellationToken = default)
    {
        // Whole sub-districts, written past every scope: the generator acts as the system, by name.
        using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("大规模测试数据"));
        var random = new Random(seed);
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var started = System.Diagnostics.Stopwatch.StartNew();

        var firstMemberId = (await db.Members.IgnoreQueryFilters().MaxAsync(m => (int?)m.Id, cancellationToken) ?? 0) + 1;
        var existing = await db.SubDistricts.CountAsync(cancellationToken);
        var subDistrictCount = Math.Max(1, (memberCount + MembersPerSubDistrict - 1) / MembersPerSubDistrict);

        // The organisation tree is small: it goes through EF (and the audit) like any other write.
        var places = new List<(SubDistrict SubDistrict, List<ResidentialArea> Areas, Dictionary<int, List<OrgUnit>> Branches, List<OrgUnit> Temporary)>();
        for (var s = 0; s < subDistrictCount; s++)
        {
            places.Add(await CreateSubDistrictAsync(random, existing + s + 1, cancellationToken));
        }

        Progress(logger, "sub-districts created", subDistrictCount, started.Elapsed);

        var usedIds = new HashSet<string>();
        var members = new List<Member>(memberCount);
        var memberships = new List<TemporaryBranchMembership>();
        for (var i = 0; i < memberCount; i++)
        {
            var place = places[i % places.Count];
            var home = place.Areas[random.Next(place.Areas.Count)];
            var branches = place.Branches[home.Id];
            var gender = random.Next(100) < 52 ? Gender.Female : Gender.Male;
            var birth = FictionalPeople.BirthDate(random, today);
            var age = Member.AgeOn(birth, today);
            var fullMemberOn = birth.AddYears(random.Next(19, Math.Min(45, age - 1))).AddDays(random.Next(365));
            var probationary = random.Next(100) < 3 || fullMemberOn > today;
            var areaCode = string.Create(CultureInfo.InvariantCulture, $"3101{(place.SubDistrict.Id % 90) + 10:D2}");
            string idNumber;
            do
            {
                idNumber = FictionalPeople.IdNumber(random, areaCode, birth, gender);
            }
            while (!usedIds.Add(idNumber));

            var member = new Member
            {
                Id = firstMemberId + i,
                SubDistrictId = place.SubDistrict.Id,
                OrgUnitId = branches[random.Next(branches.Count)].Id,
                OrgUnitAreaId = home.Id,
                Name = PopulationNames.Name(random),
                Gender = gender,
                Ethnicity = random.Next(100) < 97 ? "汉族" : "回族",
                BirthDate = birth,
                Education = FictionalPeople.Education(random, birth),
                Category = probationary ? MemberCategory.Probationary : MemberCategory.Full,
                JoinedOn = probationary ? today.AddDays(-random.Next(30, 360)) : fullMemberOn.AddYears(-1),
                FullMemberOn = probationary ? null : fullMemberOn,
                RegisteredAreaId = home.Id,
                RegisteredAddress = FictionalPeople.Address(random, home.Id),
                CareNeeds = FictionalPeople.Needs(random, age),
                Status = random.Next(1000) switch
                {
                    < 20 => MemberStatus.LostContact,
                    < 32 => MemberStatus.Mobile,
                    < 40 => MemberStatus.TransferredOut,
                    < 50 => MemberStatus.Deceased,
                    _ => MemberStatus.Normal,
                },
                Version = 0,
            };
            member.NameInitials = Pinyin.Initials(member.Name);
            member.NamePinyin = Pinyin.SortKey(member.Name);
            member.SetIdNumber(idNumber, protector);
            if (member.CareNeeds.HasFlag(CareNeeds.UsesSmartphone) || random.Next(100) < 60)
            {
                member.SetPhone(FictionalPeople.Phone(random), protector);
            }

            // One in eight lives in another area (人户分离); one in a hundred outside the sub-district.
            var elsewhere = random.Next(100);
            if (elsewhere < 12)
            {
                var area = place.Areas[random.Next(place.Areas.Count)];
                member.ResidenceAreaId = area.Id;
                member.ResidenceAddress = FictionalPeople.Address(random, area.Id);
            }
            else if (elsewhere < 13 && place.Temporary.Count > 0)
            {
                var branch = place.Temporary[random.Next(place.Temporary.Count)];
                member.ResidenceAddress = $"虹口区{branch.Place}{random.Next(1, 12)}号楼{random.Next(1, 30)}0{random.Next(1, 4)}室";
                memberships.Add(new TemporaryBranchMembership { OrgUnitId = branch.Id, MemberId = member.Id, JoinedOn = today.AddDays(-random.Next(30, 700)) });
            }
            else
            {
                member.ResidenceAreaId = home.Id;
                member.ResidenceAddress = member.RegisteredAddress;
            }

            members.Add(member);
        }

        var firstTransferId = (await db.Transfers.IgnoreQueryFilters().MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0) + 1;
        var branchById = places.SelectMany(p => p.Branches.Values).SelectMany(b => b).ToDictionary(b => b.Id);
        var transfers = Transfers(random, members, branchById, now, firstTransferId);
        Progress(logger, "members made", members.Count, started.Elapsed);
        await WriteAsync(members, cancellationToken);
        // The name index, as DoorstepDb writes it for every saved file (after the transfers moved some).
        await WriteAsync(members.SelectMany(MemberNameGram.For), cancellationToken);
        await WriteAsync(memberships, cancellationToken);
        await WriteAsync(transfers, cancellationToken);
        Progress(logger, "members written", members.Count, started.Elapsed);
        await ActivitiesAsync(seed, places, members, today, now, cancellationToken);

        // Read only now: creating the organisation tree above wrote audit rows of its own.
        var auditId = (await db.AuditEntries.IgnoreQueryFilters().MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0) + 1;
        long NextAuditId() => auditId++;
        await WriteAsync(History(random, members, NextAuditId, now).Concat(transfers.SelectMany(t => History(t, NextAuditId))), cancellationToken);
        Progress(logger, "audit history written", members.Count, started.Elapsed);
        await WriteVisitsAsync(members, seed, today, started, cancellationToken);
        await ListeningAsync(random, places.Select(p => p.SubDistrict.Id).ToList(), members, now, cancellationToken);
        await InspectionsAsync(places.Select(p => (p.SubDistrict, p.Areas)).ToList(), memberCount, seed, now, cancellationToken);

        // Fresh statistics, so that the planner chooses the indexes the hot queries were built for.
        // On PostgreSQL also VACUUM: rows just copied in are not yet marked all-visible, and until
        // autovacuum comes round an index-only scan visits the heap for each of them.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM (ANALYZE)" : "ANALYZE", cancellationToken);
        Progress(logger, "statistics analysed; done", members.Count, started.Elapsed);
    }

    /// <summary>Rows with their keys, a transaction per 50,000 (the history is made as it is written).</summary>
    private async Task WriteAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        foreach (var chunk in rows.Chunk(RowsPerTransaction))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await BulkInsert.InsertWithKeysAsync(db, entity, chunk, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "generate: {Step} ({Count}) after {Elapsed}")]
    private static partial void Progress(ILogger logger, string step, int count, TimeSpan elapsed);

    /// <summary>Each file's creation, and for one in five one to three later edits, in the shape the app writes them.</summary>
    private static IEnumerable<AuditEntry> History(Random random, List<Member> members, Func<long> nextId, DateTime now)
    {
        foreach (var member in members)
        {
            var created = now.AddDays(-random.Next(400, 1500));
            var memberId = member.Id.ToString(CultureInfo.InvariantCulture);
            yield return new AuditEntry
            {
                Id = nextId(),
                OccurredAt = created,
                UserName = "系统",
                EntityType = nameof(Member),
                EntityId = memberId,
                Action = AuditAction.Created,
                Changes = AuditTrail.Serialize([new AuditChange(nameof(Member.Name), null, member.Name)]),
            };

            if (random.Next(5) != 0)
            {
                continue;
            }

            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                created = created.AddDays(random.Next(1, 300));
                yield return new AuditEntry
                {
                    Id = nextId(),
                    OccurredAt = created,
                    UserName = "generated",
                    EntityType = nameof(Member),
                    EntityId = memberId,
                    Action = AuditAction.Updated,
                    Changes = AuditTrail.Serialize([new AuditChange(nameof(Member.Notes), null, "入户走访后更新联系方式")]),
                };
            }
        }
    }

    private async Task<(SubDistrict, List<ResidentialArea>, Dictionary<int, List<OrgUnit>>, List<OrgUnit>)> CreateSubDistrictAsync(
        Random random, int number, CancellationToken cancellationToken)
    {
        var subDistrict = new SubDistrict { Name = $"示例街道{number:D3}", District = "示例区", City = "上海市" };
        db.SubDistricts.Add(subDistrict);
        await db.SaveChangesAsync(cancellationToken);

        var committee = new OrgUnit { SubDistrictId = subDistrict.Id, Kind = OrgUnitKind.WorkingCommittee, Name = $"{subDistrict.Name}党工委" };
        db.OrgUnits.Add(committee);
        var areas = Enumerable.Range(0, 27 + random.Next(6))
            .Select(i => new ResidentialArea { SubDistrictId = subDistrict.Id, Name = DemoData.AreaNames[i % DemoData.AreaNames.Count] + (i >= DemoData.AreaNames.Count ? "二" : "") })
            .ToList();
        db.ResidentialAreas.AddRange(areas);
        await db.SaveChangesAsync(cancellationToken);

        var branches = new Dictionary<int, List<OrgUnit>>();
        foreach (var area in areas)
        {
            var general = new OrgUnit { SubDistrictId = subDistrict.Id, Parent = committee, Kind = OrgUnitKind.GeneralBranch, Name = $"{area.Name}居民区党总支", ResidentialAreaId = area.Id };
            branches[area.Id] = Enumerable.Range(1, 2 + random.Next(3))
                .Select(i => new OrgUnit { SubDistrictId = subDistrict.Id, Parent = general, Kind = OrgUnitKind.Branch, Name = $"{area.Name}居民区第{i}党支部", ResidentialAreaId = area.Id })
                .ToList();
            db.OrgUnits.Add(general);
            db.OrgUnits.AddRange(branches[area.Id]);
        }

        var temporary = Enumerable.Range(1, 1 + random.Next(2))
            .Select(i => new OrgUnit { SubDistrictId = subDistrict.Id, Parent = committee, Kind = OrgUnitKind.TemporaryBranch, Name = $"新居{i}临时党支部", Place = $"新居{i}苑" })
            .ToList();
        db.OrgUnits.AddRange(temporary);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (subDistrict, areas, branches, temporary);
    }
}
