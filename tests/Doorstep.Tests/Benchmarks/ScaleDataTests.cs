using Doorstep.Benchmarks;
using Doorstep.Data;
using Doorstep.Features.Inspections;
using Doorstep.Features.Listening;
using Doorstep.Features.Members;
using Doorstep.Features.Transfers;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Benchmarks;

/// <summary>The benchmark data set's shapes (bench/Doorstep.Benchmarks), on a database of its own (it adds sub-districts).</summary>
public class ScaleDataTests(DoorstepApp app) : IClassFixture<DoorstepApp>
{
    [Fact]
    public async Task Generated_members_have_valid_encrypted_ID_numbers_and_realistic_shapes()
    {
        await SpeechDoneAsync();
        var lastId = await app.WithDbAsync(db => db.Members.MaxAsync(m => m.Id));
        var createdBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.Action == AuditAction.Created));
        // Counted from here: the other tests of this class generate on the same database, in any order.
        var editsBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.UserName == "generated"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ScaleData>(scope.ServiceProvider).GenerateAsync(3000, seed: 11);
        }

        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        var today = ChinaTime.Today(TimeProvider.System);
        var generated = await app.WithDbAsync(db => db.Members.Where(m => m.Id > lastId)
            .Select(m => new { m.Id, m.Name, m.NameInitials, m.IdNumberCipher, m.IdNumberTail, m.BirthDate, m.RegisteredAreaId, m.ResidenceAreaId, m.ResidenceAddress, m.OrgUnitAreaId, UnitAreaId = m.OrgUnit.ResidentialAreaId })
            .ToListAsync());

        Assert.Equal(3000, generated.Count);
        Assert.All(generated.Take(200), m =>
        {
            var id = protector.Decrypt(m.IdNumberCipher);
            Assert.Null(IdNumber.Problem(id));
            Assert.Equal(m.BirthDate, IdNumber.BirthDate(id));
            Assert.Equal(id[^4..], m.IdNumberTail);
            Assert.Equal(Pinyin.Initials(m.Name), m.NameInitials);
        });
        Assert.All(generated, m => Assert.Equal(m.UnitAreaId, m.OrgUnitAreaId));
        var over75 = generated.Count(m => Member.AgeOn(m.BirthDate, today) >= 75) / 3000.0;
        var apart = generated.Count(m => m.RegisteredAreaId != null && (m.ResidenceAreaId != null ? m.ResidenceAreaId != m.RegisteredAreaId : m.ResidenceAddress != null)) / 3000.0;
        Assert.InRange(over75, 0.30, 0.45);
        Assert.InRange(apart, 0.05, 0.20);

        var createdAfter = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.Action == AuditAction.Created));
        var edits = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.UserName == "generated")) - editsBefore;
        Assert.Equal(createdBefore + 3000, createdAfter);
        Assert.InRange(edits, 300, 2000);
    }

    [Fact]
    public async Task Generated_transfers_and_problem_spots_went_through_their_steps_and_transfers_moved_or_closed_their_files()
    {
        await SpeechDoneAsync();
        var lastMember = await app.WithDbAsync(db => db.Members.MaxAsync(m => m.Id));
        var lastSpot = await app.WithDbAsync(async db => await db.Set<ProblemSpot>().MaxAsync(s => (int?)s.Id) ?? 0);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ScaleData>(scope.ServiceProvider).GenerateAsync(5000, seed: 13);
        }

        var (files, transfers, audited) = await app.WithDbAsync(async db =>
        {
            var files = await db.Members.Where(m => m.Id > lastMember).ToDictionaryAsync(m => m.Id, m => (m.Status, m.OrgUnitId));
            var transfers = await db.Transfers.Where(t => t.MemberId > lastMember).ToListAsync();
            var ids = transfers.Select(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var audited = await db.AuditEntries.Where(a => a.EntityType == "Transfer" && a.Action == AuditAction.Created && ids.Contains(a.EntityId)).CountAsync();
            return (files, transfers, audited);
        });

        var closed = files.Where(f => f.Value.Status == MemberStatus.TransferredOut).Select(f => f.Key).ToList();
        Assert.NotEmpty(closed);
        Assert.All(closed, id => Assert.Contains(transfers, t => t.MemberId == id && t.Kind == TransferKind.Outbound && t.Status == TransferStatus.Completed));
        Assert.All(transfers.Where(t => t is { Kind: TransferKind.Internal, Status: TransferStatus.Completed }), t => Assert.Equal(t.ToOrgUnitId, files[t.MemberId!.Value].OrgUnitId));
        Assert.All(transfers.Where(t => t.IsPending), t => Assert.Equal(t.FromOrgUnitId, files[t.MemberId!.Value].OrgUnitId));
        Assert.All(transfers.GroupBy(t => t.MemberId), g => Assert.Single(g));
        Assert.Contains(transfers, t => t is { Kind: TransferKind.Inbound, Status: TransferStatus.Completed });
        Assert.Contains(transfers, t => t.IsPending || t.Status == TransferStatus.Returned);
        Assert.InRange(transfers.Count / 5000.0, 0.02, 0.08);
        Assert.Equal(transfers.Count, audited);

        // One problem spot per member over five years, each with a history row per step, routed by its
        // sub-district's matrix; recent ones at every step, older ones closed, a few overdue.
        var spots = await app.WithDbAsync(db => db.Set<ProblemSpot>().Where(s => s.Id > lastSpot).ToListAsync());
        var steps = await app.WithDbAsync(db => db.Set<SpotUpdate>().Where(u => u.ProblemSpotId > lastSpot)
            .GroupBy(u => u.ProblemSpotId).Select(g => new { g.Key, Count = g.Count(), Last = g.Max(u => u.Id) }).ToDictionaryAsync(g => g.Key));
        var now = DateTime.UtcNow;
        Assert.Equal(5000, spots.Count);
        Assert.All(spots, s => Assert.NotNull(s.DepartmentId));
        Assert.All(spots, s => Assert.True(steps[s.Id].Count >= 2, $"spot {s.Id} has {steps[s.Id].Count} history rows"));
        Assert.All(spots.Where(s => s.Status == SpotStatus.Verified), s => Assert.NotEqual("generated-cadre", s.FixedByUserId));
        Assert.InRange(spots.Min(s => s.ReportedAt), now.AddDays(-5 * 365 - 1), now.AddDays(-4 * 365));
        Assert.InRange(spots.Count(s => s.Status == SpotStatus.Verified) / 5000.0, 0.85, 0.99);
        Assert.Contains(spots, s => s.IsOverdue(now));
        Assert.Contains(spots, s => s.Status == SpotStatus.InProgress);
        Assert.Contains(spots, s => s.ReopenCount > 0);
    }

    [Fact]
    public async Task The_database_keeps_numbering_after_generated_rows()
    {
        await SpeechDoneAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ScaleData>(scope.ServiceProvider).GenerateAsync(50, seed: 12);
        }

        var (lastGenerated, probe) = await app.WithDbAsync(async db =>
        {
            var last = await db.AuditEntries.MaxAsync(a => a.Id);
            var entry = new AuditEntry { UserName = "test", EntityType = "Probe", EntityId = "1", OccurredAt = DateTime.UtcNow };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return (last, entry.Id);
        });

        Assert.True(probe > lastGenerated, $"new id {probe} after generated {lastGenerated}");
    }

    /// <summary>
    /// The demo queued 随身听 speech, whose jobs write audit rows; the generator numbers its audit rows
    /// from the table's largest id, so each test that generates starts once they are done (the tests
    /// of this class run in any order).
    /// </summary>
    private Task<int> SpeechDoneAsync() =>
        app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 240 && await db.BackgroundJobs.AnyAsync(j => j.Kind == SpeechJob.Kind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running)); i++)
            {
                await Task.Delay(500);
            }

            return 0;
        });
}
