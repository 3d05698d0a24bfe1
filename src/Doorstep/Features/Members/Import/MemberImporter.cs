using System.Diagnostics;
using System.Globalization;
using Doorstep.Data;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Doorstep.Features.Members.Import;

public enum ImportPhase { Check, Commit }

/// <summary>
/// Checks a roster row by row with the member pages' own rules and, once confirmed, writes it all or
/// nothing. Both passes run the same code on the stored file: the import never trusts the preview,
/// it checks again as it writes and leaves nothing visible if anything is wrong now.
/// </summary>
/// <remarks>
/// Rows are read as a stream and handled a chunk at a time (one look-up of ID numbers per chunk, a
/// save per chunk or per few chunks, then the change tracker is cleared), so memory stays bounded by
/// a few chunks, the set of ID hashes seen and the capped report. Every write still goes through
/// DoorstepDb.SaveChangesAsync: one audit row per member, the scope guard, pinyin initials.
/// On SQLite new files are written invisible (<see cref="Member.PendingImportId"/>), a few checked
/// chunks per short transaction (<see cref="ChunksPerTransaction"/>), so that SQLite's single writer
/// is never held for long; changes to files on record and the step that makes the new ones visible follow in
/// one short transaction at the end (ADR 0013). PostgreSQL lets others write while a transaction is
/// open, so there the whole pass is one transaction, which alone keeps the new files unseen.
/// </remarks>
public sealed partial class MemberImporter(
    DoorstepDb db, PersonalDataProtector protector, IServiceProvider services, TimeProvider clock, ILogger<MemberImporter> logger)
{
    public const int ChunkSize = 1000;
    public const int ChunksPerTransaction = 5;
    public const int MaxRows = 200_000;

    /// <summary>
    /// SQLite's page cache for the import pass (64,000 KiB); a connection's default is 2 MB. A transaction's
    /// chunks put new files all over the indexes of Members, about ten pages each, and with 2 MB SQLite
    /// writes pages to the log before the commit and reads them back. The import pass of 98,000 new
    /// files on 1,000,000 members, in process: 68–72 s with 2 MB, 63 s with 32 MB, 55 s with 64 MB,
    /// 53–55 s with 100 MB. The pages are held only during the pass, within the import's memory budget.
    /// </summary>
    private const string ImportPageCache = "PRAGMA cache_size=-64000";

    private const string DefaultPageCache = "PRAGMA cache_size=-2000";

    /// <summary>Runs one pass. An import pass first removes the invisible files an interrupted attempt left.</summary>
    public async Task RunAsync(int importId, ImportPhase phase, CancellationToken cancellationToken, Func<int, int, Task>? report = null)
    {
        var started = Stopwatch.GetTimestamp();
        var file = await db.MemberImports.AsNoTracking().Where(i => i.Id == importId)
            .Select(i => new { i.Format, i.TextEncoding, Cipher = i.Content != null ? i.Content.Cipher : null }).SingleAsync(cancellationToken);
        if (phase == ImportPhase.Commit)
        {
            await RemoveInvisibleFilesAsync(db, importId, cancellationToken);
        }

        if (file.Cipher is null)
        {
            await FailAsync(db, clock, importId, "上传的文件已过期，请重新上传。");
            return;
        }

        var reader = new RosterReader(protector.Decrypt(file.Cipher), file.Format, RosterUpload.EncodingNamed(file.TextEncoding));
        var run = new Run(db, protector, report, services, clock, importId, phase, reader);
        var widened = phase == ImportPhase.Commit && db.Database.IsSqlite();
        if (widened)
        {
            // The pass keeps one pooled connection, which goes back to the pool with the default cache.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(ImportPageCache, cancellationToken);
        }

        try
        {
            await run.ExecuteAsync(cancellationToken);
        }
        finally
        {
            if (widened)
            {
                await db.Database.ExecuteSqlRawAsync(DefaultPageCache, CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }

        if (phase == ImportPhase.Commit && run.ProblemCount == 0 && run.NewCount + run.UpdateCount > 0)
        {
            await services.GetRequiredService<MemberFileListeners>().TellAsync(cancellationToken);
            await VacuumAsync(cancellationToken);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogDone(logger, importId, phase, run.Rows, run.ProblemCount, run.NewCount, run.UpdateCount, seconds);
    }

    /// <summary>
    /// On PostgreSQL an index-only scan (the list's count, the name index) reads the table page of
    /// every row not yet marked visible to all, and autovacuum marks them only after a fifth of the
    /// table has changed: after 100,000 files imported into 1,000,000, a sub-district admin's list
    /// counted its 138,000 files in 150–600 ms (102,760 table reads) rather than 70 ms. The files are
    /// already visible to users; this runs after, in the job, and never fails the import.
    /// </summary>
    private async Task VacuumAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        try
        {
            // 7 s after that import (the default 30 s is for page queries); VACUUM cannot run inside a transaction, and none is open here.
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"Members\", \"MemberNameGrams\"", cancellationToken);
        }
        catch (Npgsql.PostgresException e)
        {
            LogVacuumFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "VACUUM after a member import failed; autovacuum will come later")]
    private static partial void LogVacuumFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member import {ImportId} {Phase}: {Rows} rows, {Problems} problems, {New} new, {Updated} updated in {Seconds:0.0} s")]
    private static partial void LogDone(ILogger logger, int importId, ImportPhase phase, int rows, int problems, int @new, int updated, double seconds);

    /// <summary>Marks an import as failed with a message for the user; nothing of it is visible.</summary>
    public static Task FailAsync(DoorstepDb db, TimeProvider clock, int importId, string message) =>
        db.MemberImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, MemberImportStatus.Failed)
            .SetProperty(i => i.Message, message)
            .SetProperty(i => i.FinishedAt, clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// Removes the files an unfinished import wrote, with their audit rows: they were never visible,
    /// so this leaves the state a rolled-back transaction would have. A few thousand per short
    /// transaction, like the writing.
    /// </summary>
    public static async Task RemoveInvisibleFilesAsync(DoorstepDb db, int importId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var ids = await db.Members.IgnoreQueryFilters().Where(m => m.PendingImportId == importId)
                .OrderBy(m => m.Id).Select(m => m.Id).Take(5 * ChunkSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return;
            }

            var keys = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.AuditEntries.IgnoreQueryFilters()
                .Where(a => a.EntityType == nameof(Member) && keys.Contains(a.EntityId))
                .ExecuteDeleteAsync(cancellationToken);
            await db.Members.IgnoreQueryFilters().Where(m => ids.Contains(m.Id) && m.PendingImportId == importId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>One pass over the file.</summary>
    private sealed class Run(
        DoorstepDb db, PersonalDataProtector protector, Func<int, int, Task>? report, IServiceProvider services, TimeProvider clock,
        int importId, ImportPhase phase, RosterReader reader)
    {
        private readonly DoorstepDb _db = db;
        private readonly PersonalDataProtector _protector = protector;
        private readonly List<ImportProblem> _problems = [];
        private readonly List<ImportUpdate> _updates = [];
        private readonly List<ImportCreation> _news = [];
        private readonly Dictionary<string, int> _firstRowOfId = [];
        private readonly HashSet<int> _rowsReportedAsDuplicates = [];
        private readonly Dictionary<RosterField, (int Count, List<int> Rows)> _monthOnly = [];

        /// <summary>Rows that change a file on record: checked as they are read, written at the end.</summary>
        private readonly List<RosterEntry> _changes = [];
        private RosterHeader? _header;
        private RosterNames _names = null!;

        public int Rows { get; private set; }
        public int ProblemCount { get; private set; }
        public int NewCount { get; private set; }
        public int UpdateCount { get; private set; }
        private int _unchanged;

        /// <summary>PostgreSQL's one transaction of the pass, once the first new file is written.</summary>
        private IDbContextTransaction? _writing;

        /// <summary>On SQLite, the checked chunks whose new files wait in the change tracker to be written together.</summary>
        private int _chunksHeld;

        /// <summary>On PostgreSQL the pass is one transaction: nothing is marked, flipped or removed.</summary>
        private readonly bool _oneTransaction = db.Database.IsNpgsql();

        /// <summary>Writes only on the import pass, and only while nothing is wrong.</summary>
        private bool Writing => phase == ImportPhase.Commit && ProblemCount == 0;

        /// <summary>The import pass's last step: changes to files on record, inside its one transaction.</summary>
        private bool _publishing;

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            using var rows = reader.Rows().GetEnumerator();
            if (FindHeader(rows) is not { } header)
            {
                await FinishAsync(cancellationToken);
                return;
            }

            _header = header;

            _names = await LoadNamesAsync(cancellationToken);
            _db.ChangeTracker.AutoDetectChangesEnabled = false;

            var chunk = new List<RosterEntry>(ChunkSize);
            while (rows.MoveNext())
            {
                var row = rows.Current;
                if (header.Columns.Values.All(c => RosterCell.Text(row[c]).Length == 0))
                {
                    continue;
                }

                if (Rows == MaxRows)
                {
                    Problem(row.Number, "表格", $"一次最多导入{MaxRows}行，此行及以下没有检查", "请把表格分成几个文件，分别导入");
                    break;
                }

                Rows++;
                chunk.Add(RosterEntry.Read(row, header, _names));
                if (chunk.Count == ChunkSize)
                {
                    await HandleAsync(chunk, cancellationToken);
                    chunk.Clear();
                }
            }

            await HandleAsync(chunk, cancellationToken);
            if (Writing)
            {
                await WriteHeldAsync(cancellationToken);
            }

            if (reader.Refusal is { } refusal)
            {
                Problem(0, "表格", refusal, "请把党员名册复制到一个新的表格中，只保留需要的列，再上传");
            }

            if (Rows == 0 && ProblemCount == 0)
            {
                Problem(header.RowNumber, "表格", "表头下方没有党员数据", "请在表头下方逐行填写党员信息");
            }

            if (phase == ImportPhase.Check)
            {
                await FinishAsync(cancellationToken);
            }
            else if (ProblemCount > 0)
            {
                await StopWritingAsync(cancellationToken);
                await RemoveInvisibleFilesAsync(_db, importId, cancellationToken);
                await FinishAsync(cancellationToken);
            }
            else
            {
                await PublishAsync(cancellationToken);
            }
        }

        /// <summary>
        /// One short transaction (on PostgreSQL the pass's own): the changes to files on record, checked
        /// again against what they are now, then every new file of this import made visible and the
        /// import marked done, together.
        /// </summary>
        private async Task PublishAsync(CancellationToken cancellationToken)
        {
            _publishing = true;
            UpdateCount = 0;
            _unchanged = 0;
            _updates.Clear();
            var open = _writing;
            _writing = null;
            await using (var transaction = open ?? await _db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var part in _changes.Chunk(ChunkSize))
                {
                    var hashes = part.Select(e => _protector.Hash(e.IdNumber!)).ToList();
                    if (_oneTransaction)
                    {
                        await LockAsync(hashes, cancellationToken);
                    }

                    var held = await _db.Members.Where(m => hashes.Contains(m.IdNumberHash)).ToDictionaryAsync(m => m.IdNumberHash, cancellationToken);
                    for (var i = 0; i < part.Length; i++)
                    {
                        if (held.TryGetValue(hashes[i], out var member))
                        {
                            Update(part[i], member);
                        }
                        else
                        {
                            Problem(part[i].Row, Column(RosterField.IdNumber), "该党员的档案在检查之后已转出您的管理范围或被删除", "请删除此行后重新上传");
                        }
                    }

                    if (ProblemCount > 0)
                    {
                        break;
                    }

                    await _db.SaveChangesAsync(cancellationToken);
                    _db.ChangeTracker.Clear();
                }

                if (ProblemCount == 0)
                {
                    if (!_oneTransaction)
                    {
                        await _db.Members.IgnoreQueryFilters().Where(m => m.PendingImportId == importId)
                            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PendingImportId, (int?)null), cancellationToken);
                        // Their name index entries were written with them, a chunk at a time; they show with them.
                        await _db.MemberNameGrams.IgnoreQueryFilters().Where(g => g.PendingImportId == importId)
                            .ExecuteUpdateAsync(s => s.SetProperty(g => g.PendingImportId, (int?)null), cancellationToken);
                    }

                    await FinishAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return;
                }

                await transaction.RollbackAsync(cancellationToken);
            }

            _db.ChangeTracker.Clear();
            await RemoveInvisibleFilesAsync(_db, importId, cancellationToken);
            await FinishAsync(cancellationToken);
        }

        /// <summary>
        /// On PostgreSQL others write while the pass's transaction is open, so the files about to change are
        /// locked before they are read: a user saving one of them meanwhile waits a moment for the import.
        /// Unlocked, the import's update found a version it no longer held, and the job ran the whole pass
        /// again. On SQLite this transaction already holds the only writer.
        /// </summary>
        private Task<int> LockAsync(List<string> hashes, CancellationToken cancellationToken) =>
            _db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Members\" WHERE \"IdNumberHash\" = ANY ({hashes.ToArray()}) FOR UPDATE", cancellationToken);

        private RosterHeader? FindHeader(IEnumerator<RosterRow> rows)
        {
            while (rows.MoveNext() && rows.Current.Number <= RosterHeader.SearchRows)
            {
                if (RosterHeader.TryRead(rows.Current, out var problem) is not { } header)
                {
                    continue;
                }

                if (problem is not null)
                {
                    Problem(header.RowNumber, "表头", problem, "请修改表头后重新上传");
                    return null;
                }

                return header;
            }

            if (reader.Refusal is { } refusal)
            {
                Problem(0, "表格", refusal, "请把党员名册复制到一个新的表格中，只保留需要的列，再上传");
            }
            else
            {
                Problem(0, "表头", $"前{RosterHeader.SearchRows}行中找不到表头（如“姓名”“身份证号”“出生日期”等列名）",
                    "请使用导入模板，或在数据上方加一行列名");
            }

            return null;
        }

        private async Task<RosterNames> LoadNamesAsync(CancellationToken cancellationToken)
        {
            var scope = _db.CurrentUser.Scope;
            var areas = await MemberFormOptions.AreasAsync(_db);
            var units = await MemberFormOptions.HoldingUnitsAsync(_db);
            var all = await _db.OrgUnits.AsNoTracking().Where(u => u.SubDistrictId == scope.SubDistrictId && u.Kind != OrgUnitKind.TemporaryBranch)
                .Select(u => new Choice(u.Id, u.Name)).ToListAsync(cancellationToken);
            return new RosterNames(areas, units, all);
        }

        private async Task HandleAsync(List<RosterEntry> chunk, CancellationToken cancellationToken)
        {
            if (chunk.Count == 0)
            {
                return;
            }

            var hashes = chunk.Select(e => e.IdNumber is { } id && IdNumber.Problem(id) is null ? _protector.Hash(id) : null).ToList();
            var wanted = hashes.OfType<string>().Distinct().ToList();
            // Which numbers are on file anywhere, then which of those this user holds: a roster of new
            // members costs one query per chunk.
            var onFile = await _db.Members.IgnoreQueryFilters().Where(m => wanted.Contains(m.IdNumberHash)).Select(m => m.IdNumberHash).ToListAsync(cancellationToken);
            var inScope = _db.Members.Where(m => onFile.Contains(m.IdNumberHash));
            // Files on record are only read here; their changes are written at the end (PublishAsync).
            var held = onFile.Count == 0 ? [] : await inScope.AsNoTracking().ToDictionaryAsync(m => m.IdNumberHash, cancellationToken);
            var elsewhere = onFile.Where(h => !held.ContainsKey(h)).ToHashSet();

            for (var i = 0; i < chunk.Count; i++)
            {
                var entry = chunk[i];
                var hash = hashes[i];
                NoteMonthOnly(entry);
                if (entry.IdNumber == RosterTemplate.ExampleIdNumber)
                {
                    Problem(entry.Row, Column(RosterField.IdNumber), "这是导入模板中的示例行", "请删除此行后重新上传");
                    continue;
                }

                if (hash is not null && !IsFirstOfId(entry.Row, hash))
                {
                    continue;
                }

                if (hash is not null && elsewhere.Contains(hash))
                {
                    // Whose file it is lies outside this user's scope: say that it exists, not whose it is.
                    Problem(entry.Row, Column(RosterField.IdNumber), "该身份证号已在您的管理范围以外建档，不能由您导入或修改",
                        "请删除此行；如档案需要修改，请联系档案所在居民区或街道管理员");
                }
                else if (hash is not null && held.TryGetValue(hash, out var member))
                {
                    Update(entry, member);
                    if (phase == ImportPhase.Commit)
                    {
                        _changes.Add(entry);
                    }
                }
                else
                {
                    Create(entry);
                }
            }

            if (Writing)
            {
                await WriteAsync(cancellationToken);
            }
            else
            {
                await StopWritingAsync(cancellationToken);
            }

            if (_chunksHeld == 0)
            {
                _db.ChangeTracker.Clear();
            }

            if (report is not null)
            {
                // No SQLite transaction is open here: the job's row is written on another connection,
                // which would wait for this one's; every node reads the progress from it.
                await report((int)(reader.Fraction * 99), Rows);
            }
        }

        /// <summary>
        /// Writes a checked chunk's new files. On PostgreSQL in the pass's one transaction. On SQLite they
        /// wait until <see cref="ChunksPerTransaction"/> chunks are checked and are then written,
        /// invisible, in one short transaction: SQLite writes every index page a transaction touches
        /// once, and an import's files land all over each index, so chunks that commit together write
        /// far fewer pages; and checking the next chunks outside the transaction leaves SQLite's one
        /// writer to other users meanwhile.
        /// </summary>
        private async Task WriteAsync(CancellationToken cancellationToken)
        {
            if (_oneTransaction)
            {
                _writing ??= await _db.Database.BeginTransactionAsync(cancellationToken);
                await _db.SaveChangesAsync(cancellationToken);
            }
            else if (++_chunksHeld == ChunksPerTransaction)
            {
                await WriteHeldAsync(cancellationToken);
            }
        }

        private async Task WriteHeldAsync(CancellationToken cancellationToken)
        {
            if (_chunksHeld == 0)
            {
                return;
            }

            _chunksHeld = 0;
            await using (var transaction = await _db.Database.BeginTransactionAsync(cancellationToken))
            {
                await _db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            _db.ChangeTracker.Clear();
        }

        /// <summary>
        /// After a problem nothing more is written. On SQLite the chunks held are dropped, and what was
        /// written stays invisible until it is removed; on PostgreSQL it was never seen and is rolled back.
        /// </summary>
        private async Task StopWritingAsync(CancellationToken cancellationToken)
        {
            _chunksHeld = 0;
            _db.ChangeTracker.Clear();
            if (_writing is { } writing)
            {
                _writing = null;
                await writing.RollbackAsync(cancellationToken);
                await writing.DisposeAsync();
            }
        }

        /// <summary>The same person twice in one file is an error on both rows: which one is right is for the user to say.</summary>
        private bool IsFirstOfId(int row, string hash)
        {
            if (_firstRowOfId.TryAdd(hash, row))
            {
                return true;
            }

            var first = _firstRowOfId[hash];
            if (_rowsReportedAsDuplicates.Add(first))
            {
                Problem(first, Column(RosterField.IdNumber), $"与第{row}行的身份证号相同", "同一名党员只保留一行");
            }

            Problem(row, Column(RosterField.IdNumber), $"与第{first}行的身份证号相同", "同一名党员只保留一行");
            return false;
        }

        private void Update(RosterEntry entry, Member member)
        {
            var input = MemberInput.From(member);
            entry.ApplyTo(input);
            var found = Check(entry, input);
            if (entry.OrgUnitId is { } unit && unit != member.OrgUnitId)
            {
                var current = _names.UnitName(member.OrgUnitId);
                found.Add((RosterField.OrgUnit, $"该党员的档案现由“{current}”管理，组织关系须通过接转变更",
                    $"把此格改为“{current}”或留空；如需转接，请办理组织关系接转"));
            }

            if (Report(entry.Row, found))
            {
                return;
            }

            var before = Describe(member);
            input.ApplyTo(member, _protector);
            var changes = Describe(member).Zip(before, (now, then) => (now, then))
                .Where(x => x.now.Compare != x.then.Compare)
                .Select(x => new FieldChange(x.now.Field, x.then.Display, x.now.Display)).ToList();
            if (changes.Count == 0)
            {
                _unchanged++;
                return;
            }

            UpdateCount++;
            if (_updates.Count < ImportReport.MaxUpdates)
            {
                _updates.Add(new ImportUpdate(entry.Row, member.Name, Masked.IdNumber(member.IdNumberTail), changes));
            }
        }

        private void Create(RosterEntry entry)
        {
            var input = new MemberInput();
            entry.ApplyTo(input);
            entry.FillFromIdNumber(input);
            var found = Check(entry, input);
            if (entry.IdNumber is null && !found.Any(f => f.Field == RosterField.IdNumber))
            {
                found.Add((RosterField.IdNumber, "没有填写公民身份号码（导入按身份证号识别党员）", "请填写18位公民身份号码"));
            }

            if (input.OrgUnitId is null && !found.Any(f => f.Field == RosterField.OrgUnit))
            {
                found.Add((RosterField.OrgUnit, "新建档案须填写所在党组织", $"填写您管理范围内的党支部或党总支，如“{_names.ExampleUnit}”"));
            }

            if (Report(entry.Row, found))
            {
                return;
            }

            NewCount++;
            var idNumber = input.NormalizedIdNumber!;
            if (_news.Count < ImportReport.MaxNews)
            {
                _news.Add(new ImportCreation(entry.Row, TextNormalizer.Normalize(input.Name), Masked.IdNumber(idNumber[^4..]), _names.UnitName(input.OrgUnitId!.Value)));
            }

            if (Writing && !_publishing)
            {
                var member = MemberFiles.NewFile(input, _db.CurrentUser.Scope.SubDistrictId, _protector);
                member.PendingImportId = _oneTransaction ? null : importId;
                _db.Members.Add(member);
            }
        }

        /// <summary>The row's own reading problems, then the pages' rules (MemberFiles.Validate): data annotations, the checks across fields, values only a list offers.</summary>
        private List<(RosterField Field, string Message, string? Fix)> Check(RosterEntry entry, MemberInput input)
        {
            var found = entry.Problems.Select(p => (p.Field, p.Message, (string?)null)).ToList();
            var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
            MemberFiles.Validate(input, state, services);
            foreach (var (key, error) in state.SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x))))
            {
                var property = key.Length > MemberFiles.Prefix.Length ? key[MemberFiles.Prefix.Length..] : nameof(MemberInput.Name);
                var field = Enum.TryParse<RosterField>(property.EndsWith("Id", StringComparison.Ordinal) ? property[..^2] : property, out var f) ? f : RosterField.Name;
                // A cell that could not be read is already reported; the rule it then breaks adds nothing.
                if (!found.Any(x => x.Field == field))
                {
                    found.Add((field, error.ErrorMessage.TrimEnd('。'), null));
                }
            }

            return found;
        }

        private void NoteMonthOnly(RosterEntry entry)
        {
            foreach (var field in entry.MonthOnly)
            {
                var (count, rows) = _monthOnly.GetValueOrDefault(field, (0, []));
                if (rows.Count < 5)
                {
                    rows.Add(entry.Row);
                }

                _monthOnly[field] = (count + 1, rows);
            }
        }

        /// <summary>What the import will do that the user may not expect, though nothing is wrong.</summary>
        private List<string> Notices() =>
            [.. _monthOnly.OrderBy(m => m.Key).Select(m =>
                $"{Column(m.Key)}有 {m.Value.Count} 行只写到月份（如第{string.Join("、", m.Value.Rows)}行），将记为当月1日。")];

        private bool Report(int row, List<(RosterField Field, string Message, string? Fix)> found)
        {
            // Left to right, as the user will go through the row in Excel.
            foreach (var (field, message, fix) in found.OrderBy(f => _header!.Columns.GetValueOrDefault(f.Field, int.MaxValue)))
            {
                Problem(row, Column(field), message, fix ?? ImportFixes.For(field, message, _names.ExampleUnit));
            }

            return found.Count > 0;
        }

        private void Problem(int row, string column, string message, string fix)
        {
            ProblemCount++;
            if (_problems.Count < ImportReport.MaxProblems)
            {
                _problems.Add(new ImportProblem(row, column, message, fix));
            }
        }

        private string Column(RosterField field) => _header?.Describe(field) ?? RosterHeader.Label(field);

        /// <summary>The fields a preview shows as old → new; Compare is what decides whether a field changed.</summary>
        private List<(string Field, string? Display, string? Compare)> Describe(Member m) =>
        [
            ("姓名", m.Name, m.Name),
            ("性别", Member.Label(m.Gender), Member.Label(m.Gender)),
            ("民族", m.Ethnicity, m.Ethnicity),
            ("出生日期", ChinaTime.Date(m.BirthDate), ChinaTime.Date(m.BirthDate)),
            ("电话", Masked.Phone(m.PhoneTail, m.PhoneAreaCode), m.PhoneHash),
            ("学历", m.Education, m.Education),
            ("党员类别", Member.Label(m.Category), Member.Label(m.Category)),
            ("入党日期", ChinaTime.Date(m.JoinedOn), ChinaTime.Date(m.JoinedOn)),
            ("转正日期", ChinaTime.Date(m.FullMemberOn), ChinaTime.Date(m.FullMemberOn)),
            ("户籍地址", m.RegisteredAddress, m.RegisteredAddress),
            ("户籍所在居民区", _names.AreaName(m.RegisteredAreaId), _names.AreaName(m.RegisteredAreaId)),
            ("居住地址", m.ResidenceAddress, m.ResidenceAddress),
            ("居住所在居民区", _names.AreaName(m.ResidenceAreaId), _names.AreaName(m.ResidenceAreaId)),
            ("关怀需求", string.Join("、", Member.Labels(m.CareNeeds)), string.Join("、", Member.Labels(m.CareNeeds))),
            ("状态", Member.Label(m.Status), Member.Label(m.Status)),
            ("备注", m.Notes, m.Notes),
        ];

        /// <summary>Stores the outcome; on a successful import pass, inside the transaction that makes the files visible.</summary>
        private async Task FinishAsync(CancellationToken cancellationToken)
        {
            var status = ProblemCount > 0 ? MemberImportStatus.HasErrors
                : phase == ImportPhase.Commit ? MemberImportStatus.Imported
                : MemberImportStatus.Ready;
            var report = new ImportReport(Rows, NewCount, UpdateCount, _unchanged, ProblemCount,
                [.. _problems.OrderBy(p => p.Row)], _updates, _news, _header?.Ignored ?? [], Notices()).ToJson();
            var finished = clock.GetUtcNow().UtcDateTime;
            await _db.MemberImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, status)
                .SetProperty(i => i.RowCount, Rows)
                .SetProperty(i => i.NewCount, NewCount)
                .SetProperty(i => i.UpdateCount, UpdateCount)
                .SetProperty(i => i.ErrorCount, ProblemCount)
                .SetProperty(i => i.Report, report)
                .SetProperty(i => i.FinishedAt, finished), cancellationToken);
            if (status == MemberImportStatus.Imported)
            {
                // Imported: the roster has served; its personal data is not kept twice.
                await _db.MemberImportContents.Where(c => c.MemberImportId == importId).ExecuteDeleteAsync(cancellationToken);
            }
        }
    }
}
