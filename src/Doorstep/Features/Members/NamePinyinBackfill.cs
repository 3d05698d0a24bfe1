using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>
/// Files saved before <see cref="Member.NamePinyin"/> existed have an empty sort key, and the
/// migration cannot compute pinyin in SQL: once the app runs, this fills them, a few hundred names at
/// a time (one UPDATE per distinct name). Until it is done those files sort first. A derived column,
/// like the initials: not audited.
/// </summary>
public sealed partial class NamePinyinBackfill(IServiceScopeFactory scopes, ILogger<NamePinyinBackfill> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var filled = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
            var names = await db.Members.IgnoreQueryFilters().Where(m => m.NamePinyin == "" && m.Name != "")
                .Select(m => m.Name).Distinct().OrderBy(n => n).Take(500).ToListAsync(stoppingToken);
            if (names.Count == 0)
            {
                break;
            }

            // A name with nothing to read (no Han character, no letter) keeps the empty key; when a
            // batch holds only such names, the work is done.
            var readable = names.Select(n => (Name: n, Key: Pinyin.SortKey(n))).Where(n => n.Key.Length > 0).ToList();
            if (readable.Count == 0)
            {
                break;
            }

            foreach (var (name, key) in readable)
            {
                filled += await db.Members.IgnoreQueryFilters().Where(m => m.Name == name && m.NamePinyin == "")
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NamePinyin, key), stoppingToken);
                // The name index sorts by the same key (ADR 0021).
                await db.MemberNameGrams.IgnoreQueryFilters().Where(g => g.Name == name && g.NamePinyin == "")
                    .ExecuteUpdateAsync(s => s.SetProperty(g => g.NamePinyin, key), stoppingToken);
            }
        }

        if (filled > 0)
        {
            LogFilled(logger, filled);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filled the pinyin sort key of {Count} member files")]
    private static partial void LogFilled(ILogger logger, int count);
}
