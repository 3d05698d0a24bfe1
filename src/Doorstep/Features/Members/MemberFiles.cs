using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>A field whose saved value differs from what the user sent after someone else saved the file.</summary>
public sealed record FieldDifference(MemberField Field, string Theirs, string Mine);

/// <summary>Someone saved the file after the form was opened: who changed what, and where the user's values differ from it now.</summary>
public sealed record MemberConflict(Member Current, TimelineEvent Others, IReadOnlyList<FieldDifference> Differences);

/// <summary>What a save came to: saved, refused with messages in the state, a conflict to resolve, or no such file in scope.</summary>
public sealed record MemberSave(Member? Saved, MemberConflict? Conflict = null, bool NotFound = false);

/// <summary>
/// The one write path of member files, for the create and edit pages, the API and the import: the
/// same rules (annotations, rules across fields, values only a list offers, areas and org units of the
/// user's own, one file per ID number) and the same concurrency check, reported into a
/// <see cref="ModelStateDictionary"/> under "Input.{property}".
/// </summary>
public sealed class MemberFiles(DoorstepDb db, PersonalDataProtector protector, IServiceProvider services, MemberFileListeners listeners)
{
    public const string Prefix = "Input.";

    /// <summary>Which of two values to keep, per field, after a conflict.</summary>
    public const string Theirs = "theirs";
    public const string Mine = "mine";

    public async Task<Member?> CreateAsync(MemberInput input, ModelStateDictionary state)
    {
        var units = await MemberFormOptions.HoldingUnitsAsync(db);
        if (input.OrgUnitId is not { } orgUnitId || units.All(u => u.Id != orgUnitId))
        {
            Add(state, nameof(MemberInput.OrgUnitId), "请选择档案所在的党组织（须在您的管理范围内）。");
        }

        if (input.NormalizedIdNumber is null)
        {
            Add(state, nameof(MemberInput.IdNumber), "请填写18位公民身份号码。");
        }

        await CheckAsync(input, state, onFile: null);
        if (!state.IsValid)
        {
            return null;
        }

        var member = NewFile(input, db.CurrentUser.Scope.SubDistrictId, protector);
        db.Members.Add(member);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await IdNumberTakenAsync(member.IdNumberHash))
            {
                throw;
            }

            // Filed by someone else between the check and the save: the unique index said no.
            Add(state, nameof(MemberInput.IdNumber), "该身份证号已建档，请先查找；如档案在其他居民区，请联系街道管理员。");
            return null;
        }

        await listeners.TellAsync();
        return member;
    }

    /// <summary>
    /// Saves the input onto the file if the file is still at the version the form was opened with.
    /// After a conflict, <paramref name="choices"/> (field property → <see cref="Theirs"/> or
    /// <see cref="Mine"/>) made against <paramref name="choicesVersion"/> say which value to keep for
    /// each field that differs; the save goes through only if every such field was chosen and the file
    /// has not moved on again.
    /// </summary>
    public async Task<MemberSave> UpdateAsync(
        int id, MemberInput input, ModelStateDictionary state, IReadOnlyDictionary<string, string>? choices = null, int? choicesVersion = null)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id);
        if (member is null)
        {
            return new(null, NotFound: true);
        }

        await CheckAsync(input, state, member);
        if (!state.IsValid)
        {
            return new(null);
        }

        var entry = db.Entry(member);
        var before = entry.CurrentValues.Clone();
        input.ApplyTo(member, protector);
        if (input.Version != member.Version)
        {
            if (choices is null || choicesVersion != member.Version)
            {
                return await ConflictAsync(id, input);
            }

            foreach (var field in Differences((Member)before.ToObject(), member))
            {
                switch (choices.GetValueOrDefault(field.Property))
                {
                    case Theirs:
                        foreach (var stored in field.Stored)
                        {
                            entry.Property(stored).CurrentValue = before[stored];
                        }

                        break;
                    case Mine:
                        break;
                    default:
                        Add(state, field.InputProperty, $"请选择保留哪一个{field.Label}：对方已保存的值，或您填写的值。");
                        break;
                }
            }

            if (!state.IsValid)
            {
                return await ConflictAsync(id, input);
            }
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between the read above and this write.
            return await ConflictAsync(id, input);
        }

        await listeners.TellAsync();
        return new(member);
    }

    /// <summary>A new file from a checked input; the org unit is set here alone, as it moves only by transfer.</summary>
    public static Member NewFile(MemberInput input, int subDistrictId, PersonalDataProtector protector)
    {
        var member = new Member { Name = "", SubDistrictId = subDistrictId, OrgUnitId = input.OrgUnitId!.Value };
        input.ApplyTo(member, protector);
        return member;
    }

    /// <summary>
    /// The rules that need no database: data annotations and the rules across fields (as model
    /// binding runs them for a page; a message already given for a field is not repeated), and values
    /// that only a list offers (an API or an edited form can send any number as an enum).
    /// </summary>
    public static void Validate(MemberInput input, ModelStateDictionary state, IServiceProvider services)
    {
        foreach (var result in MemberValidation.Validate(input, services))
        {
            foreach (var property in result.MemberNames.DefaultIfEmpty(""))
            {
                if (state.GetFieldValidationState(Prefix + property) != ModelValidationState.Invalid)
                {
                    Add(state, property, result.ErrorMessage ?? "内容不正确。");
                }
            }
        }

        if (!Enum.IsDefined(input.Gender))
        {
            Add(state, nameof(MemberInput.Gender), "请从列表中选择性别（男或女）。");
        }

        if (!Enum.IsDefined(input.Category))
        {
            Add(state, nameof(MemberInput.Category), "请从列表中选择党员类别（正式党员或预备党员）。");
        }

        if (!Enum.IsDefined(input.Status))
        {
            Add(state, nameof(MemberInput.Status), "请从列表中选择状态。");
        }

        if (input.CareNeeds.Any(n => !MemberInput.CareNeedChoices.Contains(n)))
        {
            Add(state, nameof(MemberInput.CareNeeds), "关怀需求只能从列表中选择：" + string.Join("、", MemberInput.CareNeedChoices.Select(n => Member.Labels(n).Single())) + "。");
        }
    }

    /// <summary>Everything a form can be wrong about, found in one pass so that each field shows its own message.</summary>
    private async Task CheckAsync(MemberInput input, ModelStateDictionary state, Member? onFile)
    {
        Validate(input, state, services);

        var areaIds = new[] { input.RegisteredAreaId, input.ResidenceAreaId }.OfType<int>().Distinct().ToArray();
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        var known = areaIds.Length == 0 ? []
            : await db.ResidentialAreas.AsNoTracking().Where(a => areaIds.Contains(a.Id) && a.SubDistrictId == subDistrictId).Select(a => a.Id).ToListAsync();
        if (input.RegisteredAreaId is { } registered && !known.Contains(registered))
        {
            Add(state, nameof(MemberInput.RegisteredAreaId), "请从列表中选择户籍所在居民区（本街道的居民区，或“不在本街道”）。");
        }

        if (input.ResidenceAreaId is { } residence && !known.Contains(residence))
        {
            Add(state, nameof(MemberInput.ResidenceAreaId), "请从列表中选择居住所在居民区（本街道的居民区，或“不在本街道”）。");
        }

        if (input.NormalizedIdNumber is { } idNumber && state.GetFieldValidationState(Prefix + nameof(MemberInput.IdNumber)) != ModelValidationState.Invalid
            && protector.Hash(idNumber) is var hash && hash != onFile?.IdNumberHash && await IdNumberTakenAsync(hash))
        {
            // Whose file it is may be outside this user's scope: say that it exists, not whose it is.
            Add(state, nameof(MemberInput.IdNumber), onFile is null
                ? "该身份证号已建档，请先查找；如档案在其他居民区，请联系街道管理员。"
                : "该身份证号已有另一份档案，请核对。");
        }
    }

    private Task<bool> IdNumberTakenAsync(string hash) => db.Members.IgnoreQueryFilters().AnyAsync(m => m.IdNumberHash == hash);

    /// <summary>The file as it is now, what others changed since the form was opened, and each field where the user's value differs.</summary>
    private async Task<MemberSave> ConflictAsync(int id, MemberInput input)
    {
        db.ChangeTracker.Clear();
        var current = await db.Members.AsNoTracking().FirstAsync(m => m.Id == id);
        var proposed = await db.Members.AsNoTracking().FirstAsync(m => m.Id == id);
        input.ApplyTo(proposed, protector);
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        var areas = await db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == subDistrictId).ToDictionaryAsync(a => a.Id, a => a.Name + "居民区");
        string? Names(MemberFieldKind kind, int areaId) => kind == MemberFieldKind.Area ? areas.GetValueOrDefault(areaId) : null;
        var differences = Differences(current, proposed)
            .Select(f => new FieldDifference(f, MemberFields.Shown(f, current, Names), MemberFields.Shown(f, proposed, Names)))
            .ToList();
        return new(null, new MemberConflict(current, await MemberTimeline.ChangesSinceAsync(db, current, input.Version), differences));
    }

    /// <summary>The fields where what the user sent, applied to the file as it is now, differs from it.</summary>
    public static IReadOnlyList<MemberField> Differences(Member current, Member proposed) =>
        MemberFields.All.Where(f => f.Kind != MemberFieldKind.OrgUnit && MemberFields.Raw(f, current) != MemberFields.Raw(f, proposed)).ToList();

    private static void Add(ModelStateDictionary state, string property, string message) => state.AddModelError(Prefix + property, message);
}
