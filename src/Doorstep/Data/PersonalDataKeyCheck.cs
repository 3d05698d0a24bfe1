using System.Security.Cryptography;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Doorstep.Data;

/// <summary>
/// Which personal-data key the database's ciphertexts were written with: the keyed hash of a fixed
/// text, one row. It says nothing about the key itself, and it lets the app notice a database
/// restored beside another key before it serves 500s on every reveal, misses duplicate ID numbers
/// (their look-up hashes differ) and writes files the right key cannot read.
/// </summary>
public sealed class PersonalDataKeyRecord
{
    /// <summary>Always <see cref="PersonalDataKeyCheck.RecordId"/>: two nodes recording at once cannot both succeed.</summary>
    public int Id { get; set; }

    /// <summary>Named for the audit, which records that a hash changed but never its value.</summary>
    public string KeyHash { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}

/// <summary>Compares the configured personal-data key with the one recorded in the database.</summary>
public sealed class PersonalDataKeyCheck(DoorstepDb db, IServiceProvider services, TimeProvider clock)
{
    public const int RecordId = 1;
    private const string CheckText = "doorstep/personal-data-key-check";

    /// <summary>
    /// At start: refuses a missing or wrong key, and records the key on a database that has none
    /// recorded yet (a new one, or one from before the check existed, whose oldest ciphertext the key
    /// must open first).
    /// </summary>
    public async Task VerifyOrRecordAsync(CancellationToken cancellationToken = default)
    {
        if (await ProblemAsync(cancellationToken) is { } problem)
        {
            throw new StartRefusedException(problem);
        }

        if (await db.PersonalDataKeyRecords.AnyAsync(cancellationToken))
        {
            return;
        }

        db.PersonalDataKeyRecords.Add(new PersonalDataKeyRecord
        {
            Id = RecordId,
            KeyHash = Protector()!.Hash(CheckText),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node recorded it first; it must be this same key.
            db.ChangeTracker.Clear();
            if (await ProblemAsync(cancellationToken) is { } raced)
            {
                throw new StartRefusedException(raced);
            }
        }
    }

    /// <summary>What is wrong with the key, in words an operator can act on, or null when it is the database's.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken = default)
    {
        var protector = Protector(out var missing);
        if (protector is null)
        {
            return missing;
        }

        var recorded = await db.PersonalDataKeyRecords.AsNoTracking().Where(r => r.Id == RecordId).Select(r => r.KeyHash).FirstOrDefaultAsync(cancellationToken);
        if (recorded is not null)
        {
            return recorded == protector.Hash(CheckText) ? null : WrongKey;
        }

        var sample = await db.Members.IgnoreQueryFilters().Where(m => m.IdNumberCipher != "").OrderBy(m => m.Id).Select(m => m.IdNumberCipher).FirstOrDefaultAsync(cancellationToken);
        try
        {
            _ = sample is null ? null : protector.Decrypt(sample);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return WrongKey;
        }
    }

    private const string WrongKey =
        "个人信息密钥与数据库不符：数据库中的身份证号和电话是用另一把密钥加密的。请配置写入这些数据时所用的密钥（Doorstep:PersonalDataKey），例如从恢复的备份所对应的密钥。" +
        " The personal-data key is not the one this database was written with: configure the key its data was encrypted with (Doorstep:PersonalDataKey).";

    private PersonalDataProtector? Protector() => Protector(out _);

    private PersonalDataProtector? Protector(out string? missing)
    {
        try
        {
            missing = null;
            return services.GetRequiredService<PersonalDataProtector>();
        }
        catch (PersonalDataKeyException e)
        {
            missing = e.Message;
            return null;
        }
    }
}

/// <summary>/healthz reports a key that is missing or not the database's, e.g. after a restore under a running app.</summary>
internal sealed class PersonalDataKeyHealthCheck(PersonalDataKeyCheck check) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await check.ProblemAsync(cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy();
}

/// <summary>How the audit page shows the key record: that it was recorded and when, never the hash.</summary>
internal sealed class PersonalDataKeyAudit : AuditSubject
{
    public override string EntityType => nameof(PersonalDataKeyRecord);
    public override string Label => "个人信息密钥校验值";
    public override int Order => 100;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(PersonalDataKeyRecord.KeyHash)] = "校验值（不显示）",
        [nameof(PersonalDataKeyRecord.RecordedAt)] = "记录时间",
    };

    public override string? Show(string field, string value) => field == nameof(PersonalDataKeyRecord.KeyHash) ? "已记录" : null;
}
